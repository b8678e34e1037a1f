import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';
import { PASSWORD, createUser, unique } from './factories.js';

const t = useTestApp();

function registration(fields = {}) {
  const username = unique('reg');
  return { username, email: `${username}@example.com`, password: PASSWORD, ...fields };
}

function assertProblem(response, status) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.match(response.headers['content-type'], /^application\/problem\+json/);
  assert.equal(response.body.status, status);
  assert.equal(typeof response.body.detail, 'string');
}

describe('POST /api/auth/register', () => {
  test('when the details are valid, then it is 201 with the user and a token', async () => {
    const body = registration({ email: 'Ada.Lovelace@Example.com' });
    const response = await request(t.app).post('/api/auth/register').send(body);
    assert.equal(response.status, 201);
    assert.deepEqual(Object.keys(response.body.user).sort(), [
      'avatar_url',
      'bio',
      'email',
      'id',
      'username',
    ]);
    assert.equal(response.body.user.email, 'ada.lovelace@example.com');
    assert.ok(response.body.token);
    const [row] = await t.db('users').where({ username: body.username });
    assert.notEqual(row.password_hash, PASSWORD);
    assert.match(row.password_hash, /^scrypt\$/);
  });

  for (const field of ['username', 'email']) {
    test(`when the ${field} is taken, then it is 409 and nothing is stored`, async () => {
      const existing = await createUser(t.app);
      const response = await request(t.app)
        .post('/api/auth/register')
        .send(registration({ [field]: existing[field] }));
      assertProblem(response, 409);
      assert.equal(await countRows('users'), 1);
    });
  }

  for (const [field, value] of [
    ['username', 'ab'],
    ['username', 'a'.repeat(31)],
    ['username', 'Upper_case'],
    ['username', 'with-dash'],
    ['email', 'not-an-email'],
    ['password', 'seven77'],
    ['password', undefined],
  ]) {
    test(`when ${field} is ${JSON.stringify(value)}, then it is 422 naming ${field}`, async () => {
      const response = await request(t.app)
        .post('/api/auth/register')
        .send(registration({ [field]: value }));
      assertProblem(response, 422);
      assert.ok(response.body.errors[field], JSON.stringify(response.body));
    });
  }
});

describe('POST /api/auth/login', () => {
  const login = (email, password) =>
    request(t.app).post('/api/auth/login').send({ email, password });

  test('when the password is right, then it is 200 with the user and a token', async () => {
    const user = await createUser(t.app);
    const response = await login(user.email.toUpperCase(), PASSWORD);
    assert.equal(response.status, 200);
    assert.equal(response.body.user.username, user.username);
    assert.ok(response.body.token);
  });

  test('when the password is wrong or the e-mail unknown, then it is 401', async () => {
    const user = await createUser(t.app);
    assertProblem(await login(user.email, 'wrong-password'), 401);
    assertProblem(await login('nobody@example.com', PASSWORD), 401);
  });

  test('when 5 logins failed, then even the right password gets 429 with Retry-After', async () => {
    const user = await createUser(t.app);
    for (let i = 0; i < 5; i += 1) assertProblem(await login(user.email, 'wrong-password'), 401);
    const response = await login(user.email, PASSWORD);
    assertProblem(response, 429);
    assert.ok(Number(response.headers['retry-after']) > 0);
    const other = await createUser(t.app);
    assert.equal((await login(other.email, PASSWORD)).status, 200, 'other accounts still work');
  });
});

describe('GET /api/auth/me', () => {
  test('when signed in, then it is the user', async () => {
    const user = await createUser(t.app);
    const response = await request(t.app).get('/api/auth/me').set(user.auth);
    assert.equal(response.status, 200);
    assert.equal(response.body.user.email, user.email);
  });

  test('when there is no token, then it is 401', async () => {
    assertProblem(await request(t.app).get('/api/auth/me'), 401);
  });

  test('when the token’s account no longer exists, then it is 401, not a database error', async () => {
    const user = await createUser(t.app);
    await t.db('users').where({ username: user.username }).delete();
    const response = await request(t.app).post('/api/posts').set(user.auth).send({ body: 'hi' });
    assertProblem(response, 401);
  });

  test('when a token is invalid, then it is 401 even where anyone may call', async () => {
    const user = await createUser(t.app);
    const bad = { Authorization: 'Bearer not-a-jwt' };
    for (const path of ['/api/auth/me', `/api/users/${user.username}`, '/api/users?search=a']) {
      assertProblem(await request(t.app).get(path).set(bad), 401);
    }
  });
});
