// /api/categories and /api/products: anyone browses; only admins change the catalogue.
// The role check comes first, so a customer learns nothing from a 422 (403 instead).
import { Router } from 'express';

import { validate } from '../../lib/validate.js';
import { requireAdmin } from '../accounts/accounts.middleware.js';
import * as controller from './catalog.controller.js';
import {
  categoryCreateSchema,
  categoryUpdateSchema,
  idParams,
  productCreateSchema,
  productQuerySchema,
  productUpdateSchema,
} from './catalog.schemas.js';

export const catalogRouter = Router()
  .get('/categories', controller.listCategories)
  .post(
    '/categories',
    requireAdmin,
    validate({ body: categoryCreateSchema }),
    controller.createCategory,
  )
  .patch(
    '/categories/:id',
    requireAdmin,
    validate({ params: idParams, body: categoryUpdateSchema }),
    controller.updateCategory,
  )
  .delete(
    '/categories/:id',
    requireAdmin,
    validate({ params: idParams }),
    controller.deleteCategory,
  )
  .get('/products', validate({ query: productQuerySchema }), controller.listProducts)
  .get('/products/:id', validate({ params: idParams }), controller.getProduct)
  .post(
    '/products',
    requireAdmin,
    validate({ body: productCreateSchema }),
    controller.createProduct,
  )
  .patch(
    '/products/:id',
    requireAdmin,
    validate({ params: idParams, body: productUpdateSchema }),
    controller.updateProduct,
  )
  .delete('/products/:id', requireAdmin, validate({ params: idParams }), controller.deleteProduct);
