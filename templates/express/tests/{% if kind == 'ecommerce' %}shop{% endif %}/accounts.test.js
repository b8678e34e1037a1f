import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createAdmin } from '../../src/shop/accounts/accounts.service.js';
import { PASSWORD, createCustomer, unique } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

const PROBLEM = /^application\/problem\+json/;

function registration(overrides = {}) {
  return { email: `${unique('reg')}@example.com`, password: PASSWORD, name: 'Ada', ...overrides };
}

const login = (email, password) => request(t.app).post('/api/auth/login').send({ email, password });

describe('POST /api/auth/register', () => {
  test('when the details are valid, then it is 201 with a customer and a token, and the password is stored hashed', async () => {
    const body = registration({ role: 'admin' });
    const response = await request(t.app).post('/api/auth/register').send(body);
    assert.equal(response.status, 201);
    assert.deepEqual(Object.keys(response.body.user).sort(), ['email', 'id', 'name', 'role']);
    assert.equal(response.body.user.role, 'customer', 'nobody registers as an admin');
    assert.equal(typeof response.body.token, 'string');
    const row = await t.db('users').where({ email: body.email }).first();
    assert.match(row.password_hash, /^scrypt\$/, 'a scrypt hash');
    assert.equal(row.role, 'customer');
  });

  test('when the e-mail is taken (in any case), then it is 409 and the first account stays', async () => {
    const first = await createCustomer(t.app);
    const response = await request(t.app)
      .post('/api/auth/register')
      .send(registration({ email: first.email.toUpperCase() }));
    assert.equal(response.status, 409);
    assert.match(response.headers['content-type'], PROBLEM);
    assert.equal(await countRows('users'), 1);
  });

  test('when the e-mail is malformed and the password short, then it is 422 naming both', async () => {
    const response = await request(t.app)
      .post('/api/auth/register')
      .send(registration({ email: 'not-an-email', password: 'seven77' }));
    assert.equal(response.status, 422);
    assert.deepEqual(Object.keys(response.body.errors).sort(), ['email', 'password']);
    assert.equal(await countRows('users'), 0);
  });

  test('when the name is missing, then it is 422', async () => {
    const response = await request(t.app)
      .post('/api/auth/register')
      .send(registration({ name: '   ' }));
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.name);
  });
});

describe('POST /api/auth/login', () => {
  test('when the password is right, then it is 200 with the user and a working token', async () => {
    const user = await createCustomer(t.app);
    const response = await login(user.email, PASSWORD);
    assert.equal(response.status, 200);
    assert.equal(response.body.user.id, user.id);
    const me = await request(t.app)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${response.body.token}`);
    assert.equal(me.body.user.email, user.email);
  });

  test('when the password is wrong or the e-mail unknown, then it is 401', async () => {
    const user = await createCustomer(t.app);
    assert.equal((await login(user.email, 'wrong-password')).status, 401);
    assert.equal((await login('nobody@example.com', PASSWORD)).status, 401);
  });

  test('when an account failed five times, then the sixth try is 429 with Retry-After, even with the right password', async () => {
    const user = await createCustomer(t.app);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      assert.equal((await login(user.email, 'wrong-password')).status, 401, `attempt ${attempt}`);
    }
    const blocked = await login(user.email, PASSWORD);
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    const other = await createCustomer(t.app);
    assert.equal((await login(other.email, PASSWORD)).status, 200, 'other accounts still log in');
  });

  test('when a login succeeds, then the failures before it are forgotten', async () => {
    const user = await createCustomer(t.app);
    for (let attempt = 0; attempt < 4; attempt += 1) await login(user.email, 'wrong-password');
    assert.equal((await login(user.email, PASSWORD)).status, 200);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      assert.equal((await login(user.email, 'wrong-password')).status, 401);
    }
  });
});

describe('GET /api/auth/me', () => {
  test('when signed in, then it is the id, e-mail, name and role', async () => {
    const user = await createCustomer(t.app, 'Grace');
    const response = await request(t.app).get('/api/auth/me').set(user.auth);
    assert.deepEqual(response.body, {
      user: { id: user.id, email: user.email, name: 'Grace', role: 'customer' },
    });
  });

  test('when the token is missing, malformed, forged or its account gone, then it is 401', async () => {
    const user = await createCustomer(t.app);
    const [head, payload] = user.token.split('.');
    for (const header of [undefined, 'Bearer', 'Bearer nonsense', `Bearer ${head}.${payload}.x`]) {
      const call = request(t.app).get('/api/auth/me');
      if (header) call.set('Authorization', header);
      const response = await call;
      assert.equal(response.status, 401, String(header));
      assert.match(response.headers['content-type'], PROBLEM);
    }
    await t.db('users').where({ id: user.id }).delete();
    assert.equal((await request(t.app).get('/api/auth/me').set(user.auth)).status, 401);
  });

  test('when a bad token is sent where anyone may call, then it is 401 all the same', async () => {
    for (const path of ['/api/products', '/api/categories']) {
      const response = await request(t.app).get(path).set('Authorization', 'Bearer not-a-jwt');
      assert.equal(response.status, 401, path);
    }
  });
});

describe('createAdmin (make create-admin)', () => {
  test('when the e-mail is new, then it makes an admin; when it exists, it promotes that account', async () => {
    const made = await createAdmin({ email: 'Boss@Example.com', password: PASSWORD });
    assert.deepEqual([made.email, made.role], ['boss@example.com', 'admin']);
    const customer = await createCustomer(t.app);
    const promoted = await createAdmin({ email: customer.email, password: 'a-new-long-password' });
    assert.deepEqual([promoted.id, promoted.role], [customer.id, 'admin']);
    assert.equal((await login(customer.email, 'a-new-long-password')).status, 200);
  });
});
