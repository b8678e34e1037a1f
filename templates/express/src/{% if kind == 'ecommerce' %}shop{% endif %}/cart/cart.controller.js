// HTTP in, HTTP out. Every change answers with the whole cart.
import * as service from './cart.service.js';

export async function read(req, res) {
  res.json(await service.readCart(req.user.id));
}

export async function add(req, res) {
  res.json(await service.addItem(req.user.id, req.valid.body));
}

export async function setQuantity(req, res) {
  const { productId } = req.valid.params;
  res.json(await service.setQuantity(req.user.id, productId, req.valid.body.quantity));
}

export async function remove(req, res) {
  await service.removeItem(req.user.id, req.valid.params.productId);
  res.status(204).end();
}
