// /api/articles: list, feed, read, write, edit, delete, favourite.
import { Router } from 'express';

import { optionalAuth, requireAuth } from '../../lib/auth.js';
import { validate } from '../../lib/validate.js';
import * as controller from './articles.controller.js';
import {
  createSchema,
  feedQuerySchema,
  listQuerySchema,
  updateSchema,
} from './articles.schemas.js';

export const articlesRouter = Router()
  .get('/articles', optionalAuth, validate({ query: listQuerySchema }), controller.list)
  // Before /articles/:slug, or "feed" would be taken for a slug.
  .get('/articles/feed', requireAuth, validate({ query: feedQuerySchema }), controller.feed)
  .post('/articles', requireAuth, validate({ body: createSchema }), controller.create)
  .get('/articles/:slug', optionalAuth, controller.get)
  .put('/articles/:slug', requireAuth, validate({ body: updateSchema }), controller.update)
  .delete('/articles/:slug', requireAuth, controller.remove)
  .post('/articles/:slug/favorite', requireAuth, controller.favorite)
  .delete('/articles/:slug/favorite', requireAuth, controller.unfavorite);
