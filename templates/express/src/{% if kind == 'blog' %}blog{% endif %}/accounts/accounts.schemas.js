// What /users and /user accept. RealWorld wraps every body: {"user": {...}}.
import { z } from 'zod';

import { envelope, requiredString } from '../../lib/validate.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// Letters, digits, "_", "." and "-": a username is part of URLs (/profiles/:username).
const username = requiredString({ max: 50 }).refine(
  (value) => /^[\w.-]+$/.test(value),
  'may use only letters, digits, "_", "." and "-"',
);
const email = requiredString({ max: 255 }).refine(
  (value) => EMAIL.test(value.trim()),
  'is invalid',
);
const password = requiredString({ max: 128 }).refine(
  (value) => value.length >= 8,
  'is too short (at least 8 characters)',
);

export const registerSchema = envelope('user', { username, email, password });

// Any non-empty password may be tried: a wrong one is 401, not 422.
export const loginSchema = envelope('user', { email, password: requiredString({ max: 128 }) });

// Only the fields that are sent change; bio and image may be cleared with null.
export const updateSchema = envelope('user', {
  username: username.optional(),
  email: email.optional(),
  password: password.optional(),
  bio: z.string().max(1000, 'is too long (at most 1000 characters)').nullable().optional(),
  // Only web addresses (or nothing): a "javascript:" URL in an <img> or a link runs code.
  image: z
    .string()
    .max(2048, 'is too long (at most 2048 characters)')
    .refine((url) => url === '' || /^https?:\/\/\S+$/i.test(url), 'must be an http(s) URL')
    .nullable()
    .optional(),
});
