// HTTP in, HTTP out: take the validated input, call the service, send the answer.
import * as service from './comments.service.js';

export async function list(req, res) {
  res.json(await service.listComments(req.valid.params.id, req.valid.query));
}

export async function create(req, res) {
  res.status(201).json(await service.addComment(req.valid.params.id, req.valid.body, req.userId));
}

export async function remove(req, res) {
  await service.deleteComment(req.valid.params.id, req.userId);
  res.status(204).end();
}
