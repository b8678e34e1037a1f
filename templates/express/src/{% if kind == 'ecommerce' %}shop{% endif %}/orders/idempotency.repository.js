// Data access for idempotency keys: the first answer given for each (user, key).
import { db } from '../../lib/db.js';

/** Claim the key: true if this call inserted it, false if it existed already. */
export async function claim(userId, key, fingerprint) {
  const inserted = await db('idempotency_keys')
    .insert({ user_id: userId, key, fingerprint, created_at: new Date() })
    .onConflict(['user_id', 'key'])
    .ignore()
    .returning('id');
  return inserted.length === 1;
}

/**
 * Claim again a key whose first request, with the same fingerprint, never finished and
 * was claimed before `abandonedBefore`; true if this call took it over. One conditional
 * UPDATE that also renews the claim: of two repeats arriving together, only the first
 * still finds it old and wins; the other gets 409, like any repeat of a running request.
 */
export async function takeOverAbandoned(userId, key, fingerprint, { now, abandonedBefore }) {
  const updated = await db('idempotency_keys')
    .where({ user_id: userId, key, fingerprint })
    .whereNull('status_code')
    .andWhere('created_at', '<', abandonedBefore)
    .update({ created_at: now });
  return updated === 1;
}

export function find(userId, key) {
  return db('idempotency_keys').where({ user_id: userId, key }).first();
}

export function saveAnswer(userId, key, { status, contentType, body }) {
  return db('idempotency_keys')
    .where({ user_id: userId, key })
    .update({ status_code: status, content_type: contentType, body });
}

/** Delete the keys claimed before `before`: their answers are no longer replayed. */
export function deleteClaimedBefore(before) {
  return db('idempotency_keys').where('created_at', '<', before).delete();
}

export function release(userId, key) {
  return db('idempotency_keys').where({ user_id: userId, key }).delete();
}
