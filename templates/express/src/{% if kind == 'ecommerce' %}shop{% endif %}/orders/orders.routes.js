// /api/orders: checkout, the caller's orders, payment, cancellation and shipping.
import { Router } from 'express';

import { validate } from '../../lib/validate.js';
import { requireAdmin, requireUser } from '../accounts/accounts.middleware.js';
import { requireIdempotencyKey } from './idempotency.js';
import * as controller from './orders.controller.js';
import {
  checkoutSchema,
  idParams,
  pageQuerySchema,
  paySchema,
  statusSchema,
} from './orders.schemas.js';

const order = validate({ params: idParams });

export const ordersRouter = Router()
  .use('/orders', requireUser, controller.expireOverdue)
  .post('/orders', requireIdempotencyKey, validate({ body: checkoutSchema }), controller.checkout)
  .get('/orders', validate({ query: pageQuerySchema }), controller.list)
  .get('/orders/:id', order, controller.get)
  .post(
    '/orders/:id/pay',
    requireIdempotencyKey,
    validate({ params: idParams, body: paySchema }),
    controller.pay,
  )
  .post('/orders/:id/cancel', order, controller.cancel)
  .patch(
    '/orders/:id',
    requireAdmin,
    validate({ params: idParams, body: statusSchema }),
    controller.ship,
  );
