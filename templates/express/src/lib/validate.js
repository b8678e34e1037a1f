// Input validation with zod, as route middleware: validate({ body, query, params }).
// What passes is stored, parsed and typed, in req.valid; what fails never reaches a
// controller and becomes a 422 naming each bad field, e.g. {"email": ["is invalid"]}.
import { z } from 'zod';

import { AppError } from './errors.js';

/** A required string: "can't be blank" when missing or empty. */
export function requiredString({ max = 10_000 } = {}) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "can't be blank" : 'must be text') })
    .refine((value) => value.trim().length > 0, "can't be blank")
    .refine((value) => value.length <= max, `is too long (at most ${max} characters)`);
}

/** The largest value of an INTEGER column: ids, prices, stock, pages. */
export const MAX_INT = 2_147_483_647;

/**
 * A whole number written in a path or a query string: decimal digits only, from `min` to
 * `max`. Stricter than Number(): "" would be 0, "0x10" 16, "1e2" 100 and " 7" 7, and a
 * value beyond the column's range would fail in the database (a 500) instead of here.
 */
export function integerText({ min = 0, max = MAX_INT } = {}) {
  return z
    .string({ error: 'must be a whole number' })
    .regex(/^\d{1,10}$/, 'must be a whole number')
    .transform(Number)
    .refine((value) => value >= min, `must be at least ${min}`)
    .refine((value) => value <= max, `must be at most ${max}`);
}

/** A request body wrapped in an envelope, e.g. {"user": {...}}: a missing envelope is 422 too. */
export function envelope(name, shape) {
  return z.object({
    [name]: z.object(shape, { error: "can't be blank" }),
  });
}

function toErrors(issues) {
  const errors = {};
  for (const issue of issues) {
    // ["user", "email"] -> "email": the envelope's name adds nothing for the client.
    const path = issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const field = path.join('.') || 'body';
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

export function validate(schemas) {
  return (req, res, next) => {
    req.valid = {};
    for (const part of ['params', 'query', 'body']) {
      if (!schemas[part]) continue;
      const result = schemas[part].safeParse(req[part] ?? {});
      if (!result.success) throw new AppError('validation', toErrors(result.error.issues));
      req.valid[part] = result.data;
    }
    next();
  };
}
