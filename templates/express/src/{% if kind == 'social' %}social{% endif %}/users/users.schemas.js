// What /users accepts: the search and list queries, and PATCH /users/me.
import { z } from 'zod';

import { textPageQuery, timePageQuery } from '../pagination.js';

export const BIO_MAX_LENGTH = 160;

// A username longer than 30 characters cannot exist: no need to ask the database.
export const usernameParamsSchema = z.object({ username: z.string().max(30, 'is not a username') });

// Usernames are lowercase, so "Ali" finds "alice".
export const searchQuerySchema = textPageQuery.extend({
  search: z.string().max(30, 'is too long (at most 30 characters)').toLowerCase().default(''),
});

export const followListQuerySchema = timePageQuery;

/** "" (or only white space) clears a field: it is stored as null. */
const blankToNull = (value) => (value === null || value.trim() === '' ? null : value);

/** Only web addresses: a "javascript:" or "data:" URL in an <img src> is an attack. */
function isWebAddress(value) {
  if (value === null) return true;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}

// Only the fields that are sent change. [...value] counts Unicode code points, as the
// contract does (value.length would count an emoji as two: JavaScript strings are UTF-16).
export const updateSchema = z.object({
  bio: z
    .string({ error: 'must be text' })
    .nullable()
    .transform(blankToNull)
    .refine(
      (bio) => bio === null || [...bio].length <= BIO_MAX_LENGTH,
      `is too long (at most ${BIO_MAX_LENGTH} characters)`,
    )
    .optional(),
  avatar_url: z
    .string({ error: 'must be text' })
    .max(2048, 'is too long (at most 2048 characters)')
    .nullable()
    .transform((value) => blankToNull(value)?.trim() ?? null)
    .refine(isWebAddress, 'must be an http:// or https:// URL')
    .optional(),
});
