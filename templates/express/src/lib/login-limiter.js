// Slows down password guessing. Two limits, both counted over LOGIN_WINDOW_SECONDS:
//   - LOGIN_MAX_FAILURES (default 5) per account and client: after that many failed
//     sign-ins to one account from one client address, that pair gets HTTP 429 with
//     Retry-After until the window has passed, even with the right password;
//   - LOGIN_ADDRESS_MAX_FAILURES (default 50) per client address, whatever the account:
//     one address trying a few passwords on many accounts ("spraying") is stopped too.
// Per account AND client first, not per address alone: a whole class behind one school
// router can still sign in, and one attacker cannot lock everybody out. The looser
// per-address limit only counts failures, and registering is never limited.
//
// The attempts live in the database, not in this process's memory: every server
// process (and every replica) sees the same counts, and a restart forgets nothing.
//
// Each attempt is reserved before the password is checked, in one short transaction
// that counts and inserts together. Forty wrong passwords sent at once therefore get
// five checks, not forty: the sixth reservation already sees five attempts.
import { isSqlite } from './db.js';

export class LoginLimiter {
  /**
   * @param {object} options
   * @param {import('knex').Knex} options.db the database that keeps the attempts
   * @param {number} options.maxFailures per account and client
   * @param {number} options.addressMaxFailures per client address
   * @param {number} options.windowSeconds how long a failure counts
   * @param {() => number} [options.now] the clock, in milliseconds (tests set it)
   */
  constructor({ db, maxFailures, addressMaxFailures, windowSeconds, now = () => Date.now() }) {
    this.db = db;
    this.maxFailures = maxFailures;
    this.addressMaxFailures = addressMaxFailures;
    this.windowMs = windowSeconds * 1000;
    this.now = now;
  }

  static account(email, client) {
    return `${String(email).trim().toLowerCase()}|${client}`;
  }

  /**
   * Reserve one attempt for `email` from `client`: { attempt } (its id) when the
   * password may be checked now, or { retryAfter } (seconds) when a limit is reached.
   * A reserved attempt counts as a failure until `succeeded(attempt)` forgets it.
   */
  async reserve(email, client) {
    const account = LoginLimiter.account(email, client);
    const now = this.now();
    const since = new Date(now - this.windowMs);
    return this.db.transaction(async (trx) => {
      await this.#lock(trx, client);
      // Old attempts count no more: delete them, so that the table stays small.
      await trx('login_attempts').where('attempted_at', '<=', since).delete();
      const retryAfter = Math.max(
        await this.#wait(trx, { account }, this.maxFailures, since, now),
        await this.#wait(trx, { client }, this.addressMaxFailures, since, now),
      );
      if (retryAfter) return { retryAfter };
      const [row] = await trx('login_attempts')
        .insert({ account, client, attempted_at: new Date(now) })
        .returning('id');
      return { attempt: row.id };
    });
  }

  /** The password was right: forget this account's failures from this client. */
  async succeeded(email, client) {
    await this.db('login_attempts')
      .where({ account: LoginLimiter.account(email, client) })
      .delete();
  }

  /**
   * Counting and inserting must not interleave between two requests. SQLite lets one
   * writer in at a time already (BEGIN IMMEDIATE, db.js); on PostgreSQL a lock on the
   * client address, held until the transaction ends, queues its attempts.
   */
  async #lock(trx, client) {
    if (isSqlite) return;
    await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`login:${client}`]);
  }

  /** Seconds until one of `where`'s attempts leaves the window, if `limit` is reached; else 0. */
  async #wait(trx, where, limit, since, now) {
    const times = await trx('login_attempts')
      .where(where)
      .andWhere('attempted_at', '>', since)
      .orderBy('attempted_at', 'desc')
      .limit(limit)
      .pluck('attempted_at');
    if (times.length < limit) return 0;
    // The oldest of the last `limit` attempts: when it expires, one more may be tried.
    const oldest = new Date(times[times.length - 1]).getTime();
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }
}
