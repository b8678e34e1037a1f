// POST /api/auth/register, POST /api/auth/login, GET /api/auth/me.
import { Router } from 'express';

import { validate } from '../../lib/validate.js';
import * as controller from './accounts.controller.js';
import { requireUser } from './accounts.middleware.js';
import { loginSchema, registerSchema } from './accounts.schemas.js';

export const accountsRouter = Router()
  .post('/auth/register', validate({ body: registerSchema }), controller.register)
  .post('/auth/login', validate({ body: loginSchema }), controller.login)
  .get('/auth/me', requireUser, controller.me);
