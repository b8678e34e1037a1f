// Comments: /api/posts/:id/comments (list, add) and /api/comments/:id (delete).
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { timePageQuery } from '../pagination.js';
import { validate } from '../../lib/validate.js';
import { postParamsSchema } from '../posts/posts.schemas.js';
import * as controller from './comments.controller.js';
import { commentParamsSchema, createSchema } from './comments.schemas.js';

export const commentsRouter = Router()
  .get(
    '/posts/:id/comments',
    validate({ params: postParamsSchema, query: timePageQuery }),
    controller.list,
  )
  .post(
    '/posts/:id/comments',
    requireAuth,
    validate({ params: postParamsSchema, body: createSchema }),
    controller.create,
  )
  .delete(
    '/comments/:id',
    requireAuth,
    validate({ params: commentParamsSchema }),
    controller.remove,
  );
