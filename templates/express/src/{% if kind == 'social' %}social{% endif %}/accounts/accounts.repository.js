// Data access for accounts: plain objects in, plain objects out; no HTTP, no rules.
import { db } from '../../lib/db.js';

export function findById(id) {
  return db('users').where({ id }).first();
}

export function findByEmail(email) {
  return db('users').where({ email }).first();
}

/** Which of this username and e-mail are in use already: { username, email } booleans. */
export async function takenFields({ username, email }) {
  const rows = await db('users').select('username', 'email').where({ username }).orWhere({ email });
  return {
    username: rows.some((row) => row.username === username),
    email: rows.some((row) => row.email === email),
  };
}

export async function insert(user) {
  const [row] = await db('users')
    .insert({ ...user, created_at: new Date() })
    .returning('*');
  return row;
}
