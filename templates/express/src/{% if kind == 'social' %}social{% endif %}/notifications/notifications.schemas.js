// What POST /notifications/read accepts: {"ids": [1, 2]} or {"all": true}.
import { z } from 'zod';

import { recordId } from '../pagination.js';

export const markReadSchema = z
  .object({
    // Checked as a whole, so that a bad id is reported under "ids", not "ids.3".
    ids: z
      .array(z.unknown(), { error: 'must be a list of notification ids' })
      .max(1000, 'may hold at most 1000 ids')
      .refine(
        (ids) => ids.every((id) => recordId.safeParse(id).success && typeof id === 'number'),
        'must be a list of notification ids',
      )
      .optional(),
    all: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .refine((body) => body.ids !== undefined || body.all === true, {
    message: 'send "ids": [...] or "all": true',
    path: ['ids'],
  });
