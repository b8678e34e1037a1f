// /api/articles/:slug/comments: list, add, delete.
import { Router } from 'express';

import { optionalAuth, requireAuth } from '../../lib/auth.js';
import { validate } from '../../lib/validate.js';
import * as controller from './comments.controller.js';
import { commentParamsSchema, createSchema } from './comments.schemas.js';

export const commentsRouter = Router()
  .get('/articles/:slug/comments', optionalAuth, controller.list)
  .post(
    '/articles/:slug/comments',
    requireAuth,
    validate({ body: createSchema }),
    controller.create,
  )
  .delete(
    '/articles/:slug/comments/:id',
    requireAuth,
    validate({ params: commentParamsSchema }),
    controller.remove,
  );
