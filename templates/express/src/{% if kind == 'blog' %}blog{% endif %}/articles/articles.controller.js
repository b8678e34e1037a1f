import * as service from './articles.service.js';

export async function list(req, res) {
  res.json(await service.listArticles(req.valid.query, req.userId));
}

export async function feed(req, res) {
  res.json(await service.feed(req.valid.query, req.userId));
}

export async function get(req, res) {
  res.json({ article: await service.getArticle(req.params.slug, req.userId) });
}

export async function create(req, res) {
  res
    .status(201)
    .json({ article: await service.createArticle(req.valid.body.article, req.userId) });
}

export async function update(req, res) {
  const article = await service.updateArticle(req.params.slug, req.valid.body.article, req.userId);
  res.json({ article });
}

export async function remove(req, res) {
  await service.deleteArticle(req.params.slug, req.userId);
  res.status(204).end();
}

export async function favorite(req, res) {
  res.json({ article: await service.favorite(req.params.slug, req.userId) });
}

export async function unfavorite(req, res) {
  res.json({ article: await service.unfavorite(req.params.slug, req.userId) });
}
