// The shop's endpoints, component by component (src/api.js mounts them under /api).
import { Router } from 'express';

import { optionalAuth } from '../lib/auth.js';
import { jsonBody } from '../lib/body.js';
import { accountsRouter } from './accounts/accounts.routes.js';
import { cartRouter } from './cart/cart.routes.js';
import { catalogRouter } from './catalog/catalog.routes.js';
import { ordersRouter } from './orders/orders.routes.js';
import { webhookRouter } from './payments/payments.routes.js';

export const shopRouter = Router()
  // The webhook reads its body itself, as the exact bytes its signature covers: it
  // comes before the JSON parser, which would replace them with an object.
  .use(webhookRouter)
  .use(jsonBody)
  // A bad or expired token is a 401 everywhere, also where anyone may call.
  .use(optionalAuth)
  .use(accountsRouter)
  .use(catalogRouter)
  .use(cartRouter)
  .use(ordersRouter);
