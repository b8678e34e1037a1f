// The rules of accounts: registering, signing in and changing one's details.
// Knows nothing about HTTP: it returns data or throws an AppError.
import { createToken, hashPassword } from '../../lib/auth.js';
import { isUniqueViolation } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { checkCredentials } from '../../lib/sign-in.js';
import * as accounts from './accounts.repository.js';

/** The account as its owner sees it: with a fresh token, never with the password hash. */
function toUser(row) {
  return {
    email: row.email,
    token: createToken(row),
    username: row.username,
    bio: row.bio ?? null,
    image: row.image ?? null,
  };
}

async function refuseTaken(fields, exceptId = null) {
  const taken = await accounts.takenFields(fields, exceptId);
  const errors = {};
  if (taken.username) errors.username = ['has already been taken'];
  if (taken.email) errors.email = ['has already been taken'];
  if (Object.keys(errors).length) throw new AppError('validation', errors);
}

/** The check above can race with another request: the UNIQUE constraint has the last word. */
async function uniqueOr422(write) {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw AppError.validation('username', 'or email has already been taken');
    throw error;
  }
}

export async function register({ username, email, password }) {
  const normalisedEmail = email.trim().toLowerCase();
  await refuseTaken({ username, email: normalisedEmail });
  // Hash before touching the database: hashing is slow on purpose.
  const passwordHash = await hashPassword(password);
  const row = await uniqueOr422(() =>
    accounts.insert({ username, email: normalisedEmail, password_hash: passwordHash }),
  );
  return toUser(row);
}

/** Sign in; `client` (the caller's address) and the e-mail together key the login limit. */
export async function login({ email, password }, client) {
  const row = await checkCredentials({
    email,
    password,
    client,
    findByEmail: accounts.findByEmail,
  });
  return toUser(row);
}

export async function currentUser(userId) {
  const row = await accounts.findById(userId);
  // A valid token for an account that no longer exists.
  if (!row) throw AppError.unauthorized();
  return toUser(row);
}

export async function updateUser(userId, changes) {
  const current = await accounts.findById(userId);
  if (!current) throw AppError.unauthorized();
  const update = {};
  if (changes.username !== undefined) update.username = changes.username;
  if (changes.email !== undefined) update.email = changes.email.trim().toLowerCase();
  if (changes.bio !== undefined) update.bio = changes.bio;
  if (changes.image !== undefined) update.image = changes.image;
  if (update.username !== undefined || update.email !== undefined) {
    await refuseTaken({ username: update.username, email: update.email }, userId);
  }
  if (changes.password !== undefined) update.password_hash = await hashPassword(changes.password);
  if (!Object.keys(update).length) return toUser(current);
  return toUser(await uniqueOr422(() => accounts.update(userId, update)));
}
