// GET /api/profiles/:username, POST and DELETE /api/profiles/:username/follow.
import { Router } from 'express';

import { optionalAuth, requireAuth } from '../../lib/auth.js';
import * as controller from './profiles.controller.js';

export const profilesRouter = Router()
  .get('/profiles/:username', optionalAuth, controller.get)
  .post('/profiles/:username/follow', requireAuth, controller.follow)
  .delete('/profiles/:username/follow', requireAuth, controller.unfollow);
