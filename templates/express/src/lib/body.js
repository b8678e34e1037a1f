// Request bodies: at most 1 MiB, the same in every route. Nothing in this API needs
// more, and a big body costs memory before any check can refuse it; a bigger one is
// answered 413 (errors.js). Bodies and URLs alike hold only text a database can store.
import express from 'express';

import { AppError } from './errors.js';

export const BODY_LIMIT = '1mb';

/** A text no database or client can store or show (see wellFormedText). */
function isUnstorable(text) {
  return !text.isWellFormed() || text.includes('\u0000');
}

/**
 * JSON allows "\ud800", half of a character (a lone surrogate), and "\u0000", the NUL
 * character that PostgreSQL refuses in text. Refused while parsing, with the other
 * malformed JSON (422).
 */
function wellFormedText(key, value) {
  if (isUnstorable(key) || (typeof value === 'string' && isUnstorable(value))) {
    throw new SyntaxError('the body holds a text that no database can store');
  }
  return value;
}

/** JSON bodies (Content-Type: application/json), parsed into req.body. */
export const jsonBody = express.json({ limit: BODY_LIMIT, reviver: wellFormedText });

/** The exact bytes sent, as a Buffer in req.body, whatever the Content-Type says. */
export const rawBody = express.raw({ type: () => true, limit: BODY_LIMIT });

/**
 * Refuses a URL whose path or query, once decoded, is not UTF-8 text or holds a NUL
 * character (/api/profiles/%00, ?tag=%FF): nothing is named like that, and PostgreSQL
 * refuses to even compare such text, so the route's query would fail with a 500
 * instead of the client's 422.
 */
export function readableUrl(req, res, next) {
  let text;
  try {
    text = decodeURIComponent(req.originalUrl);
  } catch {
    text = null; // %FF or %C3%28: bytes that are no UTF-8 text
  }
  if (text === null || isUnstorable(text)) {
    return next(AppError.validation('url', 'must be UTF-8 text without NUL characters'));
  }
  return next();
}
