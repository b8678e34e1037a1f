// Runs after optionalAuth (src/lib/auth.js) on every request of the API.
import { AppError } from '../../lib/errors.js';
import * as accounts from './accounts.repository.js';

/**
 * A valid token for an account that no longer exists (a deleted user, a database
 * that was reset) is refused like a bad token: 401, not a failed foreign key later.
 */
export async function refuseUnknownUser(req, res, next) {
  if (req.userId !== null && !(await accounts.findById(req.userId))) {
    throw AppError.unauthorized();
  }
  next();
}
