// What /articles accepts: bodies in an {"article": {...}} envelope, and list queries.
import { z } from 'zod';

import { envelope, integerText, requiredString } from '../../lib/validate.js';

const tagList = z
  .array(requiredString({ max: 100 }), { error: 'must be a list of tags' })
  .max(20, 'has too many tags (at most 20)');

export const createSchema = envelope('article', {
  title: requiredString({ max: 255 }),
  description: requiredString({ max: 1000 }),
  body: requiredString({ max: 100_000 }),
  tagList: tagList.optional(),
});

// Only the fields that are sent change; tagList replaces the tags when it is sent.
export const updateSchema = envelope('article', {
  title: requiredString({ max: 255 }).optional(),
  description: requiredString({ max: 1000 }).optional(),
  body: requiredString({ max: 100_000 }).optional(),
  tagList: tagList.optional(),
});

const page = {
  limit: integerText({ min: 1, max: 100 }).default(20),
  offset: integerText().default(0),
};

export const feedQuerySchema = z.object(page);

export const listQuerySchema = z.object({
  ...page,
  tag: z.string().optional(),
  author: z.string().optional(),
  favorited: z.string().optional(),
});
