// Data access for accounts: plain objects in, plain objects out; no HTTP, no rules.
import { db } from '../../lib/db.js';

export function findById(id) {
  return db('users').where({ id }).first();
}

export function findByEmail(email) {
  return db('users').where({ email }).first();
}

export function findByUsername(username) {
  return db('users').where({ username }).first();
}

/** Whether another user than `exceptId` already has this username or e-mail. */
export async function takenFields({ username, email }, exceptId = null) {
  const query = db('users')
    .select('username', 'email')
    .where((where) => {
      if (username !== undefined) where.orWhere({ username });
      if (email !== undefined) where.orWhere({ email });
    });
  if (exceptId !== null) query.whereNot({ id: exceptId });
  const rows = await query;
  return {
    username: rows.some((row) => row.username === username),
    email: rows.some((row) => row.email === email),
  };
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
