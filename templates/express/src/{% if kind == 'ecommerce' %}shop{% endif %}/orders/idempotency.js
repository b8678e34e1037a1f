// Idempotency-Key: a request sent twice (a retry after a timeout) acts once.
//
// The client sends a key of its choice with each POST that must not happen twice
// (checkout, payment). The first answer for a key is stored; every repeat of the same
// request gets that answer again, same status and body, and does nothing. A repeat
// with a different request is refused (422). A 5xx answer (or a crash) is not stored:
// the key stays unused, so the client can simply retry.
//
// Under concurrency: the key is claimed by inserting a row, and a UNIQUE constraint on
// (user, key) lets only one request win. The others see the claim and answer 409 while
// it runs, or replay its answer once it is done. A claim still unfinished after
// PAYMENT_TIMEOUT_SECONDS was left by a server that died mid-request: the next repeat
// takes it over instead of answering 409 forever.
import { createHash } from 'node:crypto';

import { config } from '../../lib/config.js';
import { AppError, errorResponse } from '../../lib/errors.js';
import * as keys from './idempotency.repository.js';

const MAX_KEY_LENGTH = 255;

/** Route middleware: the Idempotency-Key header is required (400 without it). */
export function requireIdempotencyKey(req, res, next) {
  const key = req.get('idempotency-key');
  if (!key || key.length > MAX_KEY_LENGTH) {
    throw new AppError(
      'bad_request',
      { 'Idempotency-Key': [`is required (1 to ${MAX_KEY_LENGTH} characters)`] },
      { detail: `Send an Idempotency-Key header (any unique string, e.g. a UUID).` },
    );
  }
  req.idempotencyKey = key;
  next();
}

/** JSON with its keys sorted: the same for the same body, whatever the key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A hash of the request: the same key may only ever be used for this one. */
function fingerprint(req) {
  const request = canonical([req.method, req.baseUrl + req.path, req.valid.body]);
  return createHash('sha256').update(request).digest('hex');
}

/** The first answer for this key, to replay: 422 for another request, 409 while it runs. */
async function storedAnswer(userId, key, requestFingerprint) {
  const stored = await keys.find(userId, key);
  if (stored.fingerprint !== requestFingerprint) {
    throw AppError.validation('Idempotency-Key', 'was already used for a different request');
  }
  if (stored.status_code === null) {
    throw AppError.conflict('Idempotency-Key', 'belongs to a request that is still running');
  }
  return { status: stored.status_code, contentType: stored.content_type, body: stored.body };
}

/**
 * Claim the key for this request: true if it is ours now, either new or taken over from
 * a first request that died unfinished (claimed before now - PAYMENT_TIMEOUT_SECONDS).
 */
async function claimKey(userId, key, requestFingerprint) {
  if (await keys.claim(userId, key, requestFingerprint)) return true;
  const now = new Date();
  const abandonedBefore = new Date(now.getTime() - config.paymentTimeoutSeconds * 1000);
  return keys.takeOverAbandoned(userId, key, requestFingerprint, { now, abandonedBefore });
}

/** Run `action` once per key: { status, contentType, body } of its answer or of the first one. */
async function runOnce(userId, key, requestFingerprint, status, action) {
  if (!(await claimKey(userId, key, requestFingerprint))) {
    return storedAnswer(userId, key, requestFingerprint);
  }
  let answer;
  try {
    answer = { status, contentType: 'application/json', body: JSON.stringify(await action()) };
  } catch (error) {
    const refusal = error instanceof AppError ? errorResponse(error) : null;
    // A bug or an outage (5xx): nothing happened, so the key stays free for a retry.
    if (!refusal || refusal.status >= 500) {
      await keys.release(userId, key);
      throw error;
    }
    // A refusal (402, 409, 422...) is an answer like any other: a repeat gets it again.
    answer = { ...refusal, body: JSON.stringify(refusal.body) };
  }
  await keys.saveAnswer(userId, key, answer);
  return answer;
}

/**
 * Answer the request with `action()`'s result and `status`, once per Idempotency-Key:
 * a repeat replays the first answer, byte for byte.
 */
export async function respondOnce(req, res, status, action) {
  const answer = await runOnce(req.user.id, req.idempotencyKey, fingerprint(req), status, action);
  res.status(answer.status).type(answer.contentType).send(answer.body);
}
