// GET /api/notifications and POST /api/notifications/read.
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { timePageQuery } from '../pagination.js';
import { validate } from '../../lib/validate.js';
import * as controller from './notifications.controller.js';
import { markReadSchema } from './notifications.schemas.js';

export const notificationsRouter = Router()
  .get('/notifications', requireAuth, validate({ query: timePageQuery }), controller.list)
  .post(
    '/notifications/read',
    requireAuth,
    validate({ body: markReadSchema }),
    controller.markRead,
  );
