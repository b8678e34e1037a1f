// The rules of accounts: registering and signing in.
// Knows nothing about HTTP: it returns data or throws an AppError.
import { createToken, hashPassword } from '../../lib/auth.js';
import { isUniqueViolation } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { checkCredentials } from '../../lib/sign-in.js';
import * as accounts from './accounts.repository.js';

/** The account as its owner sees it (with the e-mail), never with the password hash. */
export function toUser(row) {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    bio: row.bio ?? null,
    avatar_url: row.avatar_url ?? null,
  };
}

/** Someone who wrote a post or a comment, or did what a notification is about. */
export function toAuthor({ username, bio, avatar_url: avatarUrl }) {
  return { username, bio: bio ?? null, avatar_url: avatarUrl ?? null };
}

function withToken(row) {
  return { user: toUser(row), token: createToken(row) };
}

function taken(field) {
  return AppError.conflict(field, 'is already taken');
}

export async function register({ username, email, password }) {
  const normalisedEmail = email.toLowerCase();
  const inUse = await accounts.takenFields({ username, email: normalisedEmail });
  if (inUse.username) throw taken('username');
  if (inUse.email) throw taken('email');
  // Hash before writing: scrypt is slow on purpose, and on SQLite a write holds the lock.
  const passwordHash = await hashPassword(password);
  try {
    const row = await accounts.insert({
      username,
      email: normalisedEmail,
      password_hash: passwordHash,
    });
    return withToken(row);
  } catch (error) {
    // Two registrations raced past the check above; the UNIQUE constraints did not.
    if (isUniqueViolation(error)) throw taken('username or email');
    throw error;
  }
}

/** Sign in; `client` (the caller's address) and the e-mail together key the login limit. */
export async function login({ email, password }, client) {
  const row = await checkCredentials({
    email,
    password,
    client,
    findByEmail: accounts.findByEmail,
  });
  return withToken(row);
}

export async function currentUser(userId) {
  const row = await accounts.findById(userId);
  // A valid token for an account that no longer exists.
  if (!row) throw AppError.unauthorized();
  return toUser(row);
}
