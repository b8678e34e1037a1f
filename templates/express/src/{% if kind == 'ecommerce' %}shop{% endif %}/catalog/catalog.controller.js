// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import * as service from './catalog.service.js';

export async function listCategories(req, res) {
  res.json(await service.listCategories());
}

export async function createCategory(req, res) {
  res.status(201).json(await service.createCategory(req.valid.body));
}

export async function updateCategory(req, res) {
  res.json(await service.updateCategory(req.valid.params.id, req.valid.body));
}

export async function deleteCategory(req, res) {
  await service.deleteCategory(req.valid.params.id);
  res.status(204).end();
}

export async function listProducts(req, res) {
  res.json(await service.listProducts(req.valid.query));
}

export async function getProduct(req, res) {
  res.json(await service.getProduct(req.valid.params.id));
}

export async function createProduct(req, res) {
  res.status(201).json(await service.createProduct(req.valid.body));
}

export async function updateProduct(req, res) {
  res.json(await service.updateProduct(req.valid.params.id, req.valid.body));
}

export async function deleteProduct(req, res) {
  await service.deleteProduct(req.valid.params.id);
  res.status(204).end();
}
