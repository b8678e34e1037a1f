// What /auth accepts. Bodies are flat JSON objects: {"email": ..., "password": ...}.
import { z } from 'zod';

import { TOO_COMMON, isCommonPassword } from '../../lib/common-passwords.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A string field; the message says what is expected when it is missing. */
const text = (what) =>
  z.string({
    error: (issue) => (issue.input === undefined ? `is required: ${what}` : 'must be text'),
  });

// Lowercase letters, digits and "_": a username is part of URLs (/api/users/{username}).
const username = text('3 to 30 of a-z, 0-9 and _').regex(
  /^[a-z0-9_]{3,30}$/,
  'must be 3 to 30 characters: lowercase letters, digits and _',
);
const email = text('an e-mail address')
  .max(254, 'is too long (at most 254 characters)')
  .regex(EMAIL, 'is not a valid e-mail address');

export const registerSchema = z.object({
  username,
  email,
  // A bound on the length: nobody needs more, and a huge password would cost memory.
  // None of the common passwords that attackers try first, either.
  password: text('at least 8 characters')
    .min(8, 'is too short (at least 8 characters)')
    .max(128, 'is too long (at most 128 characters)')
    .refine((value) => !isCommonPassword(value), TOO_COMMON),
});

// Any non-empty password may be tried: a wrong one is 401, not 422.
export const loginSchema = z.object({
  email,
  password: text('your password').min(1, "can't be blank").max(128, 'is too long'),
});
