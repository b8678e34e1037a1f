// Passwords and tokens: scrypt hashes, and JSON Web Tokens sent in the Authorization
// header as `Bearer <jwt>` or `Token <jwt>`.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

import jwt from 'jsonwebtoken';

import { config } from './config.js';
import { AppError } from './errors.js';

const ALGORITHM = 'HS256';

// scrypt is slow and memory-hard on purpose, so that guessing leaked hashes is slow too.
// node:crypto runs it on libuv's thread pool: while it works, the event loop goes on
// serving other requests (a hash in plain JavaScript would stop the whole server).
const scryptAsync = promisify(scrypt);

/**
 * The cost: N (memory and time, a power of two), r (block size), p (parallel passes).
 * N=2^15, r=8, p=3 is one of OWASP's recommended settings (32 MiB per hash). The tests
 * use a far cheaper one to stay fast; every hash records its own cost, so both verify.
 */
export const HASH_COST = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });
const TEST_HASH_COST = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });
const KEY_LENGTH = 32;

function defaultCost() {
  return config.appEnv === 'test' ? TEST_HASH_COST : HASH_COST;
}

async function derive(password, salt, { N, r, p }) {
  // scrypt needs 128 * N * r bytes; Node refuses more than maxmem (32 MiB by default).
  const maxmem = 256 * N * r;
  return scryptAsync(String(password).normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem });
}

/** "scrypt$N$r$p$salt$key" (salt and key in base64): the cost travels with the hash. */
export async function hashPassword(password, cost = defaultCost()) {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** True if `password` is the one `hash` was made from. */
export async function verifyPassword(password, hash) {
  const [scheme, N, r, p, salt, key] = String(hash).split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  // timingSafeEqual takes as long however many bytes match: the timing tells nothing.
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Compared against when the e-mail is unknown, so that a login for an unknown
// account takes as long as one with a wrong password: the timing tells nothing.
const dummyHash = hashPassword('not-a-real-password');

export async function verifyDummyPassword(password) {
  return verifyPassword(password, await dummyHash);
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
    // The algorithm is fixed: a token that says "alg: none" is refused. jsonwebtoken
    // checks `exp` only when a token has one: a token without it would never expire.
    const payload = jwt.verify(token, config.secretKey, { algorithms: [ALGORITHM] });
    if (typeof payload.exp !== 'number') throw new Error('the token has no expiry');
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

/** Middleware: a token is optional (it personalises the answer); a bad one is still 401. */
export function optionalAuth(req, res, next) {
  const token = readToken(req);
  req.userId = token ? userIdOf(token) : null;
  next();
}
