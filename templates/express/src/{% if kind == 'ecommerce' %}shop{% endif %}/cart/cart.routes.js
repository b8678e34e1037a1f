// /api/cart: the signed-in customer's own cart, one per account.
import { Router } from 'express';

import { validate } from '../../lib/validate.js';
import { requireUser } from '../accounts/accounts.middleware.js';
import * as controller from './cart.controller.js';
import { addItemSchema, productIdParams, setQuantitySchema } from './cart.schemas.js';

export const cartRouter = Router()
  .get('/cart', requireUser, controller.read)
  .post('/cart/items', requireUser, validate({ body: addItemSchema }), controller.add)
  .patch(
    '/cart/items/:productId',
    requireUser,
    validate({ params: productIdParams, body: setQuantitySchema }),
    controller.setQuantity,
  )
  .delete(
    '/cart/items/:productId',
    requireUser,
    validate({ params: productIdParams }),
    controller.remove,
  );
