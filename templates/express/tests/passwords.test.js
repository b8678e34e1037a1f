import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { HASH_COST, hashPassword, verifyPassword } from '../src/lib/auth.js';
import { useTestApp } from './helpers.js';

const t = useTestApp();

describe('password hashes', () => {
  test('when a password is hashed, then only that password verifies, and each hash has its own salt', async () => {
    const hash = await hashPassword('correct-horse-battery');
    assert.match(hash, /^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/);
    assert.notEqual(await hashPassword('correct-horse-battery'), hash);
    assert.equal(await verifyPassword('correct-horse-battery', hash), true);
    assert.equal(await verifyPassword('correct-horse-batterY', hash), false);
    assert.equal(await verifyPassword('correct-horse-battery', 'not a hash'), false);
  });

  test('when 20 passwords are checked at full cost, then /health still answers within 0.5 s', async () => {
    // The production cost, not the tests' cheap one: the point is how the server
    // behaves while real logins hash. The hashing must run off the event loop.
    const hash = await hashPassword('correct-horse-battery', HASH_COST);
    const logins = Array.from({ length: 20 }, () => verifyPassword('wrong-guess', hash));
    const started = performance.now();
    const health = await request(t.app).get('/health');
    const seconds = (performance.now() - started) / 1000;
    assert.equal(health.status, 200);
    assert.ok(seconds < 0.5, `/health took ${seconds.toFixed(2)} s while logins were hashing`);
    assert.deepEqual(await Promise.all(logins), Array(20).fill(false));
  });
});
