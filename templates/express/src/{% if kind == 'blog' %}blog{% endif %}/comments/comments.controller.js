import * as service from './comments.service.js';

export async function list(req, res) {
  res.json({ comments: await service.listComments(req.params.slug, req.userId) });
}

export async function create(req, res) {
  // RealWorld answers 200 here, not 201.
  res.json({
    comment: await service.addComment(req.params.slug, req.valid.body.comment, req.userId),
  });
}

export async function remove(req, res) {
  await service.deleteComment(req.valid.params.slug, req.valid.params.id, req.userId);
  res.status(204).end();
}
