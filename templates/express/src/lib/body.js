// Request bodies: at most 1 MiB, the same in every route. Nothing in this API needs
// more, and a big body costs memory before any check can refuse it; a bigger one is
// answered 413 (errors.js).
import express from 'express';

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
