import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createUser } from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

const login = (email, password) =>
  request(t.app).post('/api/users/login').send({ user: { email, password } });

describe('the failed-login limit', () => {
  test('when an account failed five times, then the sixth try is 429 with Retry-After, even with the right password', async () => {
    const user = await createUser(t.app);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      assert.equal((await login(user.email, 'wrong-password')).status, 401, `attempt ${attempt}`);
    }
    const blocked = await login(user.email, user.password);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.ok(blocked.body.errors);
  });

  test('when one account is locked, then another account from the same client can still sign in', async () => {
    const locked = await createUser(t.app);
    const other = await createUser(t.app);
    for (let attempt = 0; attempt < 6; attempt += 1) await login(locked.email, 'wrong-password');
    assert.equal((await login(other.email, other.password)).status, 200);
  });

  test('when a login succeeds, then the failures before it are forgotten', async () => {
    const user = await createUser(t.app);
    for (let attempt = 0; attempt < 4; attempt += 1) await login(user.email, 'wrong-password');
    assert.equal((await login(user.email, user.password)).status, 200);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      assert.equal((await login(user.email, 'wrong-password')).status, 401);
    }
  });
});
