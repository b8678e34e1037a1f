// HTTP in, HTTP out: take the validated input, call the service, send the answer.
// req.userId is the caller (null when anonymous): it decides each post's `liked_by_me`.
import * as service from './posts.service.js';

export async function create(req, res) {
  res.status(201).json(await service.createPost(req.valid.body, req.userId));
}

export async function get(req, res) {
  res.json(await service.getPost(req.valid.params.id, req.userId));
}

export async function remove(req, res) {
  await service.deletePost(req.valid.params.id, req.userId);
  res.status(204).end();
}

export async function like(req, res) {
  res.json(await service.like(req.valid.params.id, req.userId));
}

export async function unlike(req, res) {
  res.json(await service.unlike(req.valid.params.id, req.userId));
}

export async function listByUser(req, res) {
  const { params, query } = req.valid;
  res.json(await service.listUserPosts(params.username, query, req.userId));
}
