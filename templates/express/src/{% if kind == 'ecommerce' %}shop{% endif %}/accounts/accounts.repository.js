// Data access for users: plain objects in, plain objects out; no HTTP, no rules.
import { db } from '../../lib/db.js';

export function findById(id) {
  return db('users').where({ id }).first();
}

export function findByEmail(email) {
  return db('users').where({ email }).first();
}

export async function insert(user) {
  const now = new Date();
  const [row] = await db('users')
    .insert({ ...user, created_at: now, updated_at: now })
    .returning('*');
  return row;
}

export async function update(id, changes) {
  const [row] = await db('users')
    .where({ id })
    .update({ ...changes, updated_at: new Date() })
    .returning('*');
  return row;
}
