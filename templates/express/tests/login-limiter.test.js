import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { db } from '../src/lib/db.js';
import { LoginLimiter } from '../src/lib/login-limiter.js';
import { useTestApp } from './helpers.js';

useTestApp();

function limiter(overrides = {}) {
  const clock = { now: 1_800_000_000_000 };
  const made = new LoginLimiter({
    db,
    maxFailures: 3,
    addressMaxFailures: 5,
    windowSeconds: 60,
    now: () => clock.now,
    ...overrides,
  });
  return { limiter: made, clock };
}

describe('LoginLimiter', () => {
  test('when an account and client used up their attempts, then the next waits until the first expires', async () => {
    const { limiter: limits, clock } = limiter();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      assert.ok((await limits.reserve('ada@example.com', '1.2.3.4')).attempt);
      clock.now += 10_000;
    }
    assert.deepEqual(await limits.reserve('Ada@Example.com ', '1.2.3.4'), { retryAfter: 30 });
    clock.now += 30_000;
    assert.ok((await limits.reserve('ada@example.com', '1.2.3.4')).attempt);
  });

  test('when 40 attempts are reserved at once, then exactly the limit get through', async () => {
    const { limiter: limits } = limiter();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => limits.reserve('ada@example.com', '1.2.3.4')),
    );
    assert.equal(results.filter((result) => result.attempt).length, 3);
  });

  test('when one client tries many accounts, then the looser per-address limit stops it', async () => {
    const { limiter: limits } = limiter();
    for (let account = 0; account < 5; account += 1) {
      assert.ok((await limits.reserve(`user${account}@example.com`, '1.2.3.4')).attempt);
    }
    assert.ok((await limits.reserve('user9@example.com', '1.2.3.4')).retryAfter);
    assert.ok((await limits.reserve('user9@example.com', '5.6.7.8')).attempt, 'another client');
  });

  test('when a sign-in succeeds, then that account and client start afresh', async () => {
    const { limiter: limits } = limiter();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await limits.reserve('ada@example.com', '1.2.3.4');
    }
    await limits.succeeded('ada@example.com', '1.2.3.4');
    assert.ok((await limits.reserve('ada@example.com', '1.2.3.4')).attempt);
  });

  test('when attempts are older than the window, then they are deleted', async () => {
    const { limiter: limits, clock } = limiter();
    await limits.reserve('ada@example.com', '1.2.3.4');
    clock.now += 61_000;
    await limits.reserve('bob@example.com', '5.6.7.8');
    assert.deepEqual(await db('login_attempts').pluck('client'), ['5.6.7.8']);
  });
});
