// The rules of accounts: registering, signing in, and making admins.
// Knows nothing about HTTP: it returns data or throws an AppError.
import { createToken, hashPassword } from '../../lib/auth.js';
import { isUniqueViolation } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { checkCredentials } from '../../lib/sign-in.js';
import * as users from './accounts.repository.js';

export const ROLES = Object.freeze({ customer: 'customer', admin: 'admin' });

const EMAIL_TAKEN = () => AppError.conflict('email', 'has already been taken by another account');

/** An account as the API shows it: never the password hash. */
export function toPublicUser(row) {
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

function withToken(row) {
  return { user: toPublicUser(row), token: createToken(row) };
}

function normalise(email) {
  return email.trim().toLowerCase();
}

/** Open a customer account. New accounts are always customers. */
export async function register({ email, password, name }) {
  const address = normalise(email);
  if (await users.findByEmail(address)) throw EMAIL_TAKEN();
  // Hash before touching the database again: hashing is slow on purpose.
  const passwordHash = await hashPassword(password);
  try {
    const row = await users.insert({
      email: address,
      name,
      password_hash: passwordHash,
      role: ROLES.customer,
    });
    return withToken(row);
  } catch (error) {
    // Two registrations raced past the check above; the UNIQUE constraint did not.
    if (isUniqueViolation(error)) throw EMAIL_TAKEN();
    throw error;
  }
}

/** Sign in; `client` (the caller's address) and the e-mail together key the login limit. */
export async function login({ email, password }, client) {
  const row = await checkCredentials({ email, password, client, findByEmail: users.findByEmail });
  return withToken(row);
}

/** `make create-admin`: create an admin, or make an existing account an admin with this password. */
export async function createAdmin({ email, password, name = 'Admin' }) {
  const address = normalise(email);
  const passwordHash = await hashPassword(password);
  const existing = await users.findByEmail(address);
  const row = existing
    ? await users.update(existing.id, { role: ROLES.admin, password_hash: passwordHash })
    : await users.insert({ email: address, name, password_hash: passwordHash, role: ROLES.admin });
  return toPublicUser(row);
}
