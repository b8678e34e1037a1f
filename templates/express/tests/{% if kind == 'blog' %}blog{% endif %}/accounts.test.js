import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { PASSWORD, createUser, unique } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

function registration(overrides = {}) {
  const username = unique('reg');
  return { username, email: `${username}@example.com`, password: PASSWORD, ...overrides };
}

const login = (email, password) =>
  request(t.app).post('/api/users/login').send({ user: { email, password } });

describe('POST /api/users', () => {
  test('when the details are valid, then it is 201 with a token and the password is stored hashed', async () => {
    const user = registration();
    const response = await request(t.app).post('/api/users').send({ user });
    assert.equal(response.status, 201);
    assert.equal(response.body.user.username, user.username);
    assert.equal(response.body.user.email, user.email);
    assert.equal(response.body.user.bio, null);
    assert.equal(response.body.user.image, null);
    assert.equal(typeof response.body.user.token, 'string');
    assert.equal(response.body.user.password, undefined);
    const row = await t.db('users').where({ username: user.username }).first();
    assert.notEqual(row.password_hash, PASSWORD);
    assert.match(row.password_hash, /^scrypt\$/, 'a scrypt hash');
  });

  for (const missing of ['username', 'email', 'password']) {
    test(`when ${missing} is missing, then it is 422 naming it and nothing is stored`, async () => {
      const user = registration({ [missing]: undefined });
      const response = await request(t.app).post('/api/users').send({ user });
      assert.equal(response.status, 422);
      assert.deepEqual(response.body.errors[missing], ["can't be blank"]);
      assert.equal(await countRows('users'), 0);
    });
  }

  test('when there is no user object, then it is 422', async () => {
    const response = await request(t.app).post('/api/users').send({});
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.user);
  });

  test('when the e-mail is malformed or the password short, then it is 422 naming both', async () => {
    const user = registration({ email: 'not-an-email', password: 'short' });
    const response = await request(t.app).post('/api/users').send({ user });
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.errors.email, ['is invalid']);
    assert.ok(response.body.errors.password);
  });

  test('when the username or e-mail is taken, then it is 422 and the first account stays', async () => {
    const first = await createUser(t.app);
    for (const taken of [{ username: first.username }, { email: first.email }]) {
      const response = await request(t.app)
        .post('/api/users')
        .send({ user: registration(taken) });
      assert.equal(response.status, 422);
      assert.deepEqual(Object.values(response.body.errors), [['has already been taken']]);
    }
    assert.equal(await countRows('users'), 1);
  });
});

describe('POST /api/users/login', () => {
  test('when the password is right, then it is 200 with a token for that account', async () => {
    const user = await createUser(t.app);
    const response = await login(user.email, user.password);
    assert.equal(response.status, 200);
    const me = await request(t.app)
      .get('/api/user')
      .set('Authorization', `Token ${response.body.user.token}`);
    assert.equal(me.body.user.username, user.username);
  });

  test('when the password is wrong or the e-mail unknown, then it is 401', async () => {
    const user = await createUser(t.app);
    assert.equal((await login(user.email, 'wrong-password')).status, 401);
    assert.equal((await login('nobody@example.com', PASSWORD)).status, 401);
  });

  test('when a field is missing, then it is 422', async () => {
    const response = await request(t.app)
      .post('/api/users/login')
      .send({ user: { email: 'a@b.io' } });
    assert.equal(response.status, 422);
    assert.deepEqual(response.body.errors.password, ["can't be blank"]);
  });
});

describe('GET /api/user', () => {
  test('when the token is valid, then it is the current user; Bearer works too', async () => {
    const user = await createUser(t.app);
    for (const scheme of ['Token', 'Bearer']) {
      const response = await request(t.app)
        .get('/api/user')
        .set('Authorization', `${scheme} ${user.token}`);
      assert.equal(response.status, 200);
      assert.equal(response.body.user.email, user.email);
    }
  });

  test('when the token is missing, malformed or forged, then it is 401', async () => {
    const user = await createUser(t.app);
    const [head, payload] = user.token.split('.');
    for (const header of [
      undefined,
      'Token',
      'Token nonsense',
      'Basic abc',
      `Token ${head}.${payload}.forged`,
    ]) {
      const call = request(t.app).get('/api/user');
      if (header) call.set('Authorization', header);
      const response = await call;
      assert.equal(response.status, 401, String(header));
      assert.ok(response.body.errors);
    }
  });
});

describe('a token whose account was deleted', () => {
  test('when it creates an article or reads the user, then it is 401 and nothing is written', async () => {
    const user = await createUser(t.app);
    await t.db('users').where({ email: user.email }).delete();
    const article = { title: 'Orphan', description: 'd', body: 'b', tagList: [] };
    const created = await request(t.app).post('/api/articles').set(user.auth).send({ article });
    assert.equal(created.status, 401);
    assert.equal((await request(t.app).get('/api/user').set(user.auth)).status, 401);
    assert.equal(await countRows('articles'), 0);
  });
});

describe('PUT /api/user', () => {
  test('when the image is not a web address, then it is 422 and nothing changes', async () => {
    const user = await createUser(t.app);
    for (const image of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'JAVASCRIPT://x%0aalert(1)',
    ]) {
      const response = await request(t.app)
        .put('/api/user')
        .set(user.auth)
        .send({ user: { image } });
      assert.equal(response.status, 422, image);
    }
    const row = await t.db('users').where({ username: user.username }).first();
    assert.equal(row.image, null);
  });

  test('when fields are sent, then they are stored and the others kept', async () => {
    const user = await createUser(t.app);
    const changes = {
      email: `${unique('moved')}@example.com`,
      bio: 'I write.',
      image: 'https://img.example/a.png',
    };
    const response = await request(t.app).put('/api/user').set(user.auth).send({ user: changes });
    assert.equal(response.status, 200);
    const row = await t.db('users').where({ username: user.username }).first();
    assert.deepEqual({ email: row.email, bio: row.bio, image: row.image }, changes);
    assert.equal((await login(changes.email, user.password)).status, 200);
  });

  test('when the password changes, then only the new one works', async () => {
    const user = await createUser(t.app);
    const response = await request(t.app)
      .put('/api/user')
      .set(user.auth)
      .send({ user: { password: 'another-long-password' } });
    assert.equal(response.status, 200);
    assert.equal(response.body.user.password, undefined);
    assert.equal((await login(user.email, 'another-long-password')).status, 200);
    assert.equal((await login(user.email, user.password)).status, 401);
  });

  test("when the username or e-mail is someone else's, then it is 422 and nothing changes", async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    for (const taken of [{ username: bob.username }, { email: bob.email }]) {
      const response = await request(t.app).put('/api/user').set(alice.auth).send({ user: taken });
      assert.equal(response.status, 422);
    }
    const row = await t.db('users').where({ email: alice.email }).first();
    assert.equal(row.username, alice.username);
  });

  test('when the e-mail is malformed, then it is 422', async () => {
    const user = await createUser(t.app);
    const response = await request(t.app)
      .put('/api/user')
      .set(user.auth)
      .send({ user: { email: 'nope' } });
    assert.equal(response.status, 422);
  });

  test('when there is no token, then it is 401 and nothing changes', async () => {
    const user = await createUser(t.app);
    const response = await request(t.app)
      .put('/api/user')
      .send({ user: { bio: 'hacked' } });
    assert.equal(response.status, 401);
    assert.equal((await t.db('users').where({ username: user.username }).first()).bio, null);
  });
});
