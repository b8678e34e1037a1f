import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { AppError, errorHandler } from '../src/lib/errors.js';
import { useTestApp } from './helpers.js';

const t = useTestApp();

/** Just enough of Express's `res` to run the error handler on its own. */
function fakeResponse() {
  return {
    statusCode: 200,
    headers: {},
    body: undefined,
    status(code) {
      this.statusCode = code;
      return this;
    },
    set(name, value) {
      this.headers[name] = value;
      return this;
    },
    json(body) {
      this.body = body;
      return this;
    },
  };
}

const req = { method: 'GET', originalUrl: '/test' };

describe('the error handler', () => {
  test('when a bug throws, then the client gets a generic 500 without the stack', () => {
    const res = fakeResponse();
    errorHandler(new TypeError('secret internals at /src/app.js:12'), req, res, () => {});
    assert.equal(res.statusCode, 500);
    assert.deepEqual(res.body, { errors: { server: ['something went wrong'] } });
    assert.doesNotMatch(JSON.stringify(res.body), /internals|app\.js/);
  });

  test('when an AppError is thrown, then its code picks the status and it keeps its fields', () => {
    const cases = [
      [AppError.validation('email', 'is invalid'), 422],
      [AppError.unauthorized(), 401],
      [AppError.forbidden('article'), 403],
      [AppError.notFound('article'), 404],
    ];
    for (const [error, status] of cases) {
      const res = fakeResponse();
      errorHandler(error, req, res, () => {});
      assert.equal(res.statusCode, status);
      assert.deepEqual(res.body, { errors: error.errors });
    }
  });

  test('when a 429 is thrown, then Retry-After says when to try again', () => {
    const res = fakeResponse();
    errorHandler(
      new AppError('too_many_requests', { login: ['wait'] }, { retryAfter: 30 }),
      req,
      res,
      () => {},
    );
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['Retry-After'], '30');
  });
});

describe('errors through the app', () => {
  test('when the body is not valid JSON, then it is 422 in the RealWorld shape', async () => {
    const response = await request(t.app)
      .post('/api/users')
      .set('Content-Type', 'application/json')
      .send('{"user": ');
    assert.equal(response.status, 422);
    assert.deepEqual(response.body, { errors: { body: ['is not valid JSON'] } });
  });

  test('when the body is too large, then it is 413', async () => {
    const response = await request(t.app)
      .post('/api/users')
      .send({ user: { username: 'x'.repeat(200_000) } });
    assert.equal(response.status, 413);
  });

  test('when the route does not exist, then it is 404 in the RealWorld shape', async () => {
    const response = await request(t.app).get('/api/no-such-route');
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { errors: { route: ['not found'] } });
  });
});
