// Slows down password guessing: after LOGIN_MAX_FAILURES failed logins for one
// account from one client within LOGIN_WINDOW_SECONDS, that pair gets HTTP 429 with
// Retry-After until the window has passed, even with the right password.
//
// Per account AND client, not per address alone: a whole class behind one school
// router can still sign in, and one attacker cannot lock everybody out.
// It lives in memory: with several server processes, move it to Redis.

export class LoginLimiter {
  constructor({ maxFailures, windowSeconds, now = () => Date.now() }) {
    this.maxFailures = maxFailures;
    this.windowMs = windowSeconds * 1000;
    this.now = now;
    this.failures = new Map(); // key -> timestamps (ms) of recent failures
  }

  static key(email, client) {
    return `${String(email).trim().toLowerCase()}|${client}`;
  }

  #recent(key) {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** Seconds to wait before trying again, or 0 when a login may be tried now. */
  retryAfter(key) {
    const times = this.#recent(key);
    if (times.length < this.maxFailures) return 0;
    const oldest = times[times.length - this.maxFailures];
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.now()) / 1000));
  }

  recordFailure(key) {
    this.failures.set(key, [...this.#recent(key), this.now()]);
    // Keep memory bounded even under a flood of made-up e-mails.
    if (this.failures.size > 100_000) {
      this.failures.delete(this.failures.keys().next().value);
    }
  }

  reset(key) {
    this.failures.delete(key);
  }

  clear() {
    this.failures.clear();
  }
}
