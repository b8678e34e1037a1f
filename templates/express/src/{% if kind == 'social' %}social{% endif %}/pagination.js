// Cursor ("keyset") pagination, used by every list of the API, and the ids in paths.
//
// Why not `?page=3`? Offsets shift when new rows arrive: if two posts are published
// while you read page 1, page 2 starts with the last two posts of page 1 again.
// A cursor instead remembers *where* the last page ended, as the sort key of its
// last row, e.g. (created_at, id). The next page asks for the rows that sort after
// that key, which is the same set of rows however many arrived in between.
//
// The id breaks ties: two posts can share a created_at, but never an id, so the
// order (created_at, id) is total and no row is skipped or repeated.
//
// The cursor is opaque to clients (base64url of JSON): they pass it back unchanged.
import { z } from 'zod';

import { integerText } from '../lib/validate.js';

// The largest id an INTEGER column holds (PostgreSQL's int4). A bigger number in a
// path or a body is refused with 422 instead of reaching the database as an error.
export const MAX_ID = 2 ** 31 - 1;

const BAD_CURSOR = 'is not a cursor this API gave out';

const BAD_ID = `must be a whole number from 1 to ${MAX_ID}`;

/** A row id in a path or a body: a whole number from 1 to MAX_ID. */
export const recordId = z.coerce
  .string()
  .regex(/^\d{1,10}$/, BAD_ID)
  .transform(Number)
  .refine((id) => id >= 1 && id <= MAX_ID, BAD_ID);

/** ?limit=: how many items a page holds. Bounds keep one request from asking for a million. */
const limit = integerText({ min: 1, max: 100 }).default(20);

function encode(values) {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values inside a cursor, or undefined when it is not one of ours. */
function decode(cursor) {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

/** A cursor for a list sorted by (created_at, id): the position of its last row. */
export function encodeTimeKey(createdAt, id) {
  return encode([new Date(createdAt).toISOString(), id]);
}

/** A cursor for a list sorted by a text column (usernames). */
export function encodeTextKey(value) {
  return encode([value]);
}

/** Whether `moment` is a time exactly as encodeTimeKey writes it, since 1970. */
function isOurTime(moment) {
  const time = typeof moment === 'string' ? Date.parse(moment) : NaN;
  return time >= 0 && new Date(time).toISOString() === moment;
}

function decodeTimeKey(cursor, ctx) {
  const [moment, id, ...rest] = decode(cursor) ?? [];
  // Checked strictly: a made-up cursor must not reach the database as an out-of-range
  // value (the year -100000, an id beyond the INTEGER column), which would be a 500.
  const validId = Number.isInteger(id) && id >= 0 && id <= MAX_ID;
  if (rest.length || !isOurTime(moment) || !validId) {
    ctx.addIssue({ code: 'custom', message: BAD_CURSOR });
    return z.NEVER;
  }
  return { createdAt: new Date(moment), id };
}

function decodeTextKey(cursor, ctx) {
  const values = decode(cursor);
  if (values?.length !== 1 || typeof values[0] !== 'string') {
    ctx.addIssue({ code: 'custom', message: BAD_CURSOR });
    return z.NEVER;
  }
  return values[0];
}

/** The query of a list sorted by (created_at, id): ?limit= and ?cursor=, decoded. */
export const timePageQuery = z.object({
  limit,
  cursor: z.string().max(200).transform(decodeTimeKey).optional(),
});

/** The query of a list sorted by a text column: ?limit= and ?cursor=, decoded. */
export const textPageQuery = z.object({
  limit,
  cursor: z.string().max(200).transform(decodeTextKey).optional(),
});

/**
 * Keep only the rows after `key` in the list's order, on a Knex query.
 * Written out as (a < x) OR (a = x AND b < y): the same SQL on SQLite and PostgreSQL,
 * and an index on the created_at column serves it.
 */
export function whereAfter(query, key, { createdAt, id }, { newestFirst }) {
  if (!key) return query;
  const op = newestFirst ? '<' : '>';
  return query.where((after) =>
    after
      .where(createdAt, op, key.createdAt)
      .orWhere((tie) => tie.where(createdAt, key.createdAt).andWhere(id, op, key.id)),
  );
}

/** Queries ask for limit + 1 rows: the extra one only says whether there is a next page. */
export function splitPage(rows, limit) {
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
