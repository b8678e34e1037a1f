// What /auth accepts. Unknown fields are dropped: nobody can register as {"role": "admin"}.
import { z } from 'zod';

import { TOO_COMMON, isCommonPassword } from '../../lib/common-passwords.js';
import { requiredString } from '../../lib/validate.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const email = requiredString({ max: 254 }).refine(
  (value) => EMAIL.test(value.trim()),
  'is invalid',
);

export const registerSchema = z.object({
  email,
  // At least 8 characters, and none of the common passwords that attackers try first.
  password: requiredString({ max: 128 })
    .refine((value) => value.length >= 8, 'is too short (at least 8 characters)')
    .refine((value) => !isCommonPassword(value), TOO_COMMON),
  name: requiredString({ max: 100 }).transform((value) => value.trim()),
});

// Any non-empty password may be tried: a wrong one is 401, not 422.
export const loginSchema = z.object({ email, password: requiredString({ max: 128 }) });
