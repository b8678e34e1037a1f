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

export function find(userId, key) {
  return db('idempotency_keys').where({ user_id: userId, key }).first();
}

export function saveAnswer(userId, key, { status, contentType, body }) {
  return db('idempotency_keys')
    .where({ user_id: userId, key })
    .update({ status_code: status, content_type: contentType, body });
}

export function release(userId, key) {
  return db('idempotency_keys').where({ user_id: userId, key }).delete();
}
