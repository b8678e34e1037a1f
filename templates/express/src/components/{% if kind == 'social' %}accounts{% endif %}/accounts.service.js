// The rules of accounts: registering and signing in.
// Knows nothing about HTTP: it returns data or throws an AppError.
import { createToken, hashPassword, verifyDummyPassword, verifyPassword } from '../../lib/auth.js';
import { config } from '../../lib/config.js';
import { isUniqueViolation } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { LoginLimiter } from '../../lib/login-limiter.js';
import * as accounts from './accounts.repository.js';

export const loginLimiter = new LoginLimiter({
  maxFailures: config.loginMaxFailures,
  windowSeconds: config.loginWindowSeconds,
});

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
  // Hash before writing: bcrypt is slow on purpose, and on SQLite a write holds the lock.
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
  const normalisedEmail = email.toLowerCase();
  const key = LoginLimiter.key(normalisedEmail, client);
  // Locked out means locked out, even with the right password: otherwise guessing goes on.
  const retryAfter = loginLimiter.retryAfter(key);
  if (retryAfter) {
    throw new AppError(
      'too_many_requests',
      { login: ['has failed too often, try again later'] },
      { retryAfter },
    );
  }
  const row = await accounts.findByEmail(normalisedEmail);
  const valid = row
    ? await verifyPassword(password, row.password_hash)
    : await verifyDummyPassword(password);
  if (!row || !valid) {
    loginLimiter.recordFailure(key);
    // The same answer for both cases, so nobody can probe which e-mails have accounts.
    throw new AppError('unauthorized', { 'email or password': ['is wrong'] });
  }
  loginLimiter.reset(key);
  return withToken(row);
}

export async function currentUser(userId) {
  const row = await accounts.findById(userId);
  // A valid token for an account that no longer exists.
  if (!row) throw AppError.unauthorized();
  return toUser(row);
}
