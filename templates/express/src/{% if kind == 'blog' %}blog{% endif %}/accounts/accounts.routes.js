// POST /api/users, POST /api/users/login, GET and PUT /api/user.
import { Router } from 'express';

import { requireAuth } from '../../lib/auth.js';
import { validate } from '../../lib/validate.js';
import * as controller from './accounts.controller.js';
import { loginSchema, registerSchema, updateSchema } from './accounts.schemas.js';

export const accountsRouter = Router()
  .post('/users', validate({ body: registerSchema }), controller.register)
  .post('/users/login', validate({ body: loginSchema }), controller.login)
  .get('/user', requireAuth, controller.current)
  .put('/user', requireAuth, validate({ body: updateSchema }), controller.update);
