import { z } from 'zod';

import { envelope, requiredString } from '../../lib/validate.js';

export const createSchema = envelope('comment', { body: requiredString({ max: 10_000 }) });

export const commentParamsSchema = z.object({
  slug: z.string(),
  id: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be positive'),
});
