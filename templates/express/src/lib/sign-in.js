// Signing in with an e-mail address and a password, behind the failed-login limits.
// Every kind of project signs in this way; each keeps its accounts in its own
// table, so the caller says how to find an account by its e-mail address.
import { verifyDummyPassword, verifyPassword } from './auth.js';
import { config } from './config.js';
import { db } from './db.js';
import { AppError } from './errors.js';
import { logger } from './logger.js';
import { LoginLimiter } from './login-limiter.js';

export const loginLimiter = new LoginLimiter({
  db,
  maxFailures: config.loginMaxFailures,
  addressMaxFailures: config.loginAddressMaxFailures,
  windowSeconds: config.loginWindowSeconds,
});

/**
 * The account row with this e-mail address and password; otherwise 401, or 429 (with
 * Retry-After) while this address and client are locked out. `client` is the caller's
 * address; `findByEmail(email)` resolves to the account's row (with `password_hash`).
 */
export async function checkCredentials({ email, password, client, findByEmail }) {
  const address = String(email).trim().toLowerCase();
  // Reserved before the password is checked, so that parallel guesses cannot all pass.
  const { retryAfter } = await loginLimiter.reserve(address, client);
  if (retryAfter) {
    // Even the right password is refused now: otherwise guessing could simply go on.
    logger.warn({ email: address, client }, 'sign-in refused: too many failed attempts');
    throw new AppError(
      'too_many_requests',
      { login: ['too many failed attempts, try again later'] },
      { retryAfter },
    );
  }
  const row = await findByEmail(address);
  // An unknown address costs a hash too, so the answer's timing does not tell.
  const valid = row
    ? await verifyPassword(password, row.password_hash)
    : await verifyDummyPassword(password);
  if (!row || !valid) {
    // Who and from where, never the password: the log is read by more people than it should.
    logger.warn({ email: address, client }, 'sign-in failed');
    // The same answer for both cases, so nobody can probe which e-mails have accounts.
    throw new AppError('unauthorized', { 'email or password': ['is invalid'] });
  }
  await loginLimiter.succeeded(address, client);
  return row;
}
