// GET /api/feed: the signed-in user's home feed.
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { timePageQuery } from '../pagination.js';
import { validate } from '../../lib/validate.js';
import * as controller from './feed.controller.js';

export const feedRouter = Router().get(
  '/feed',
  requireAuth,
  validate({ query: timePageQuery }),
  controller.read,
);
