// Passwords and tokens: bcrypt hashes, and JSON Web Tokens sent as
// `Authorization: Token <jwt>` (RealWorld's scheme; `Bearer <jwt>` works too).
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';

import { config } from './config.js';
import { AppError } from './errors.js';

const ALGORITHM = 'HS256';

export function hashPassword(password) {
  // bcrypt salts every hash itself; the async version keeps the server responsive.
  return bcrypt.hash(password, config.passwordHashRounds);
}

export function verifyPassword(password, hash) {
  return bcrypt.compare(password, hash);
}

// Compared against when the e-mail is unknown, so that a login for an unknown
// account takes as long as one with a wrong password: the timing tells nothing.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', config.passwordHashRounds);

export function verifyDummyPassword(password) {
  return bcrypt.compare(password, DUMMY_HASH);
}

/** A signed token that says "this is user `id`", valid for ACCESS_TOKEN_EXPIRE_MINUTES. */
export function createToken(user) {
  return jwt.sign({ sub: String(user.id) }, config.secretKey, {
    algorithm: ALGORITHM,
    expiresIn: config.accessTokenExpireMinutes * 60,
  });
}

function readToken(req) {
  const header = req.get('authorization');
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  if (!token || !['token', 'bearer'].includes(scheme.toLowerCase())) {
    throw AppError.unauthorized();
  }
  return token;
}

function userIdOf(token) {
  try {
    // The algorithm is fixed: a token that says "alg: none" is refused.
    const payload = jwt.verify(token, config.secretKey, { algorithms: [ALGORITHM] });
    const id = Number(payload.sub);
    if (!Number.isInteger(id)) throw new Error('no user id in the token');
    return id;
  } catch {
    throw AppError.unauthorized();
  }
}

/** Middleware: a valid token is required; sets req.userId. */
export function requireAuth(req, res, next) {
  const token = readToken(req);
  if (!token) throw AppError.unauthorized();
  req.userId = userIdOf(token);
  next();
}

/** Middleware: a token is optional (it adds "following"/"favorited"); a bad one is still 401. */
export function optionalAuth(req, res, next) {
  const token = readToken(req);
  req.userId = token ? userIdOf(token) : null;
  next();
}
