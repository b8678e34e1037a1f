// What /cart accepts.
import { z } from 'zod';

import { integerText } from '../../lib/validate.js';
import { wholeNumber } from '../catalog/catalog.schemas.js';

const MAX_QUANTITY = 10_000;

export const productIdParams = z.object({
  productId: integerText({ min: 1 }),
});

export const addItemSchema = z.object({
  product_id: wholeNumber({ min: 1 }),
  quantity: wholeNumber({ min: 1 }).max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
});

// 0 removes the line.
export const setQuantitySchema = z.object({
  quantity: wholeNumber().max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
});
