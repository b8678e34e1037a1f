// What /posts accepts, and the text rule that posts and comments share.
import { z } from 'zod';

import { recordId, timePageQuery } from '../pagination.js';

export const POST_MAX_LENGTH = 280;

/**
 * A post's or a comment's body: not blank, at most `max` characters, stored as sent.
 * [...body] counts Unicode code points, as the contract does: body.length would count
 * an emoji as two (JavaScript strings are UTF-16). trim() knows Unicode white space.
 */
export function bodyText(max) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .refine((body) => body.trim() !== '', 'must not be empty')
    .refine((body) => [...body].length <= max, `is too long (at most ${max} characters)`);
}

export const createSchema = z.object({ body: bodyText(POST_MAX_LENGTH) });

export const postParamsSchema = z.object({ id: recordId });

export const postListQuerySchema = timePageQuery;
