// Who is calling? lib/auth.js has read the token (req.userId); these load the account.
//
//   .get('/cart', requireUser, ...)          signed in, else 401; sets req.user
//   .post('/products', requireAdmin, ...)    an admin, else 401 (anonymous) or 403
import { AppError } from '../../lib/errors.js';
import * as users from './accounts.repository.js';
import { ROLES } from './accounts.service.js';

export async function requireUser(req, res, next) {
  // A valid token for an account that no longer exists is as bad as no token.
  const user = Number.isInteger(req.userId) ? await users.findById(req.userId) : null;
  if (!user) throw AppError.unauthorized('is missing or invalid: sign in first');
  req.user = user;
  next();
}

function adminOnly(req, res, next) {
  if (req.user.role !== ROLES.admin) {
    throw new AppError(
      'forbidden',
      { role: ['must be admin'] },
      { detail: 'Only an admin may do this.' },
    );
  }
  next();
}

/** Route middleware for the admin's writes: a list, which Express runs in order. */
export const requireAdmin = [requireUser, adminOnly];
