// What /orders accepts.
import { z } from 'zod';

import { idParams } from '../catalog/catalog.schemas.js';
import { integerText, requiredString } from '../../lib/validate.js';

export { idParams };

const line = (max) => requiredString({ max }).transform((value) => value.trim());

export const checkoutSchema = z.object({
  shipping_address: z.object(
    {
      name: line(200),
      line1: line(200),
      city: line(100),
      postal_code: line(20),
      // ISO 3166-1 alpha-2, e.g. "FR", "DE", "GB".
      country: z
        .string({ error: 'must be text' })
        .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as FR'),
    },
    { error: "can't be blank" },
  ),
});

// A token from the provider's card form (the sandbox knows tok_visa, tok_declined, tok_error).
export const paySchema = z.object({ payment_token: requiredString({ max: 255 }) });

// "shipped" is the only status an admin sets by hand; the others follow from events.
export const statusSchema = z.object({
  status: z.literal('shipped', { error: 'may only be "shipped"' }),
});

export const pageQuerySchema = z.object({
  page: integerText({ min: 1 }).default(1),
  page_size: integerText({ min: 1, max: 100 }).default(20),
});
