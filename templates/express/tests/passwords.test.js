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

  test('when 20 passwords are checked at full cost, then /health answers before they are done', async () => {
    // The production cost, not the tests' cheap one: the point is how the server
    // behaves while real logins hash. The hashing must run off the event loop: were
    // it to block the loop, /health could only answer once every hash was done.
    // Comparing the two, not timing /health against a clock, holds on a busy machine.
    const hash = await hashPassword('correct-horse-battery', HASH_COST);
    let hashesDone = false;
    const guesses = Array.from({ length: 20 }, () => verifyPassword('wrong-guess', hash));
    const logins = Promise.all(guesses).then((results) => {
      hashesDone = true;
      return results;
    });
    const health = await request(t.app).get('/health');
    assert.equal(health.status, 200);
    assert.equal(hashesDone, false, '/health waited for the password hashes to finish');
    assert.deepEqual(await logins, Array(20).fill(false));
  });
});
