// Posts and likes: /api/posts..., and a user's posts at /api/users/:username/posts.
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { validate } from '../../lib/validate.js';
import { usernameParamsSchema } from '../users/users.schemas.js';
import * as controller from './posts.controller.js';
import { createSchema, postListQuerySchema, postParamsSchema } from './posts.schemas.js';

const byId = validate({ params: postParamsSchema });

export const postsRouter = Router()
  .post('/posts', requireAuth, validate({ body: createSchema }), controller.create)
  .get('/posts/:id', byId, controller.get)
  .delete('/posts/:id', requireAuth, byId, controller.remove)
  .post('/posts/:id/like', requireAuth, byId, controller.like)
  .delete('/posts/:id/like', requireAuth, byId, controller.unlike)
  .get(
    '/users/:username/posts',
    validate({ params: usernameParamsSchema, query: postListQuerySchema }),
    controller.listByUser,
  );
