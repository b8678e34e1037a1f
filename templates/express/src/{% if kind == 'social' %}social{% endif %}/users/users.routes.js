// Profiles, the username search and follows: /api/users...
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { validate } from '../../lib/validate.js';
import * as controller from './users.controller.js';
import {
  followListQuerySchema,
  searchQuerySchema,
  updateSchema,
  usernameParamsSchema,
} from './users.schemas.js';

const byName = validate({ params: usernameParamsSchema });

export const usersRouter = Router()
  .get('/users', validate({ query: searchQuerySchema }), controller.search)
  // Before /users/:username, or "me" would be taken for a username.
  .patch('/users/me', requireAuth, validate({ body: updateSchema }), controller.updateMe)
  .get('/users/:username', byName, controller.get)
  .post('/users/:username/follow', requireAuth, byName, controller.follow)
  .delete('/users/:username/follow', requireAuth, byName, controller.unfollow)
  .get(
    '/users/:username/followers',
    validate({ params: usernameParamsSchema, query: followListQuerySchema }),
    controller.followers,
  )
  .get(
    '/users/:username/following',
    validate({ params: usernameParamsSchema, query: followListQuerySchema }),
    controller.following,
  );
