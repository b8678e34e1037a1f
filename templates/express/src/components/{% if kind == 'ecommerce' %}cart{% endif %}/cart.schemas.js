// What /cart accepts.
import { z } from 'zod';

import { wholeNumber } from '../catalog/catalog.schemas.js';

const MAX_QUANTITY = 10_000;

export const productIdParams = z.object({
  productId: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(2_147_483_647, 'is too large'),
});

export const addItemSchema = z.object({
  product_id: wholeNumber({ min: 1 }),
  quantity: wholeNumber({ min: 1 }).max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
});

// 0 removes the line.
export const setQuantitySchema = z.object({
  quantity: wholeNumber().max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
});
