import { z } from 'zod';

import { envelope, integerText, requiredString } from '../../lib/validate.js';

export const createSchema = envelope('comment', { body: requiredString({ max: 10_000 }) });

export const commentParamsSchema = z.object({
  slug: z.string(),
  id: integerText({ min: 1 }),
});
