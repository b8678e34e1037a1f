// What /categories and /products accept: bodies, ids in the path and list queries.
import { z } from 'zod';

import { integerText, MAX_INT, requiredString } from '../../lib/validate.js';

/** A whole number from JSON (not a string), from `min` to the column's limit. */
export function wholeNumber({ min = 0 } = {}) {
  return z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
    .max(MAX_INT, 'is too large');
}

/** `:id` in the path: a positive whole number, or 422 before any query runs. */
export const idParams = z.object({
  id: integerText({ min: 1 }),
});

const name = (max) => requiredString({ max }).transform((value) => value.trim());
const slug = z
  .string({ error: 'must be text' })
  .max(120, 'is too long (at most 120 characters)')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'may use only a-z, 0-9 and single hyphens');
// Only web addresses: a "javascript:" URL must never reach a shop's page.
const imageUrl = z
  .string({ error: 'must be text' })
  .max(2048, 'is too long (at most 2048 characters)')
  .regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL')
  .nullable();

export const categoryCreateSchema = z.object({ name: name(100), slug: slug.optional() });

// Only the fields that are sent change.
export const categoryUpdateSchema = z.object({
  name: name(100).optional(),
  slug: slug.optional(),
});

const productFields = {
  name: name(200),
  description: z.string({ error: 'must be text' }).max(10_000, 'is too long'),
  price_cents: wholeNumber(),
  currency: z
    .string({ error: 'must be text' })
    .regex(/^[A-Z]{3}$/, 'must be a currency code such as EUR'),
  stock: wholeNumber(),
  category_id: wholeNumber({ min: 1 }),
  image_url: imageUrl,
};

export const productCreateSchema = z.object({
  ...productFields,
  description: productFields.description.default(''),
  image_url: productFields.image_url.default(null),
});

// PATCH changes any of the fields it sends; null is refused except for image_url.
export const productUpdateSchema = z
  .object(productFields)
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'must change at least one field');

const queryNumber = (min, max = MAX_INT) => integerText({ min, max });

export const PRODUCT_SORTS = ['price', '-price', 'name', '-created_at'];

export const productQuerySchema = z
  .object({
    search: z.string().trim().max(100, 'is too long (at most 100 characters)').optional(),
    category: z.string().max(120, 'is too long').optional(),
    min_price: queryNumber(0).optional(),
    max_price: queryNumber(0).optional(),
    // Absent keeps every product; "true" those in stock; "false" those sold out.
    in_stock: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
    sort: z
      .enum(PRODUCT_SORTS, { error: `must be one of ${PRODUCT_SORTS.join(', ')}` })
      .default('-created_at'),
    page: queryNumber(1).default(1),
    page_size: queryNumber(1, 100).default(20),
  })
  .refine(
    (query) =>
      query.min_price === undefined ||
      query.max_price === undefined ||
      query.min_price <= query.max_price,
    { path: ['min_price'], message: 'must not be above max_price' },
  );
