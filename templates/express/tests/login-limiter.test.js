import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { LoginLimiter } from '../src/lib/login-limiter.js';

function limiterAt(clock) {
  return new LoginLimiter({ maxFailures: 3, windowSeconds: 60, now: () => clock.now });
}

describe('LoginLimiter', () => {
  test('when failures stay under the limit, then logins may go on', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    assert.equal(limiter.retryAfter('a'), 0);
  });

  test('when the limit is reached, then it says how many seconds to wait', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 3; i += 1) limiter.recordFailure('a');
    clock.now = 20_000;
    assert.equal(limiter.retryAfter('a'), 40);
    assert.equal(limiter.retryAfter('b'), 0, 'another key is not limited');
  });

  test('when the window has passed, then the old failures are forgotten', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 3; i += 1) limiter.recordFailure('a');
    clock.now = 60_001;
    assert.equal(limiter.retryAfter('a'), 0);
  });

  test('when reset, then the failures of that key are forgotten', () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 3; i += 1) limiter.recordFailure('a');
    limiter.reset('a');
    assert.equal(limiter.retryAfter('a'), 0);
  });

  test('when keyed, then the e-mail is case-insensitive and the client counts', () => {
    assert.equal(LoginLimiter.key(' Ada@Example.com', '1.2.3.4'), 'ada@example.com|1.2.3.4');
    assert.notEqual(LoginLimiter.key('a@x.io', '1.1.1.1'), LoginLimiter.key('a@x.io', '2.2.2.2'));
  });
});
