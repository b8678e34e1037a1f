import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { useTestApp } from './helpers.js';

const t = useTestApp();

// The eight headers every response carries (see src/lib/security.js).
const HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
];

describe('security headers', () => {
  const responses = {
    'a normal response': () => request(t.app).get('/health'),
    'a 404 for an unknown route': () => request(t.app).get('/api/no-such-route'),
    'a 401 without a token': () => request(t.app).get('/api/user'),
    'a 422 for invalid JSON': () =>
      request(t.app).post('/api/users').set('Content-Type', 'application/json').send('{"user":'),
  };

  for (const [name, send] of Object.entries(responses)) {
    test(`when the app sends ${name}, then all eight security headers are on it`, async () => {
      const response = await send();
      const missing = HEADERS.filter((header) => !response.headers[header]);
      assert.deepEqual(missing, []);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.match(response.headers['strict-transport-security'], /max-age=[1-9]\d*/);
      assert.match(response.headers['content-security-policy'], /frame-ancestors 'none'/);
    });

    test(`when the app sends ${name}, then it names no server software`, async () => {
      const response = await send();
      assert.equal(response.headers['x-powered-by'], undefined);
      assert.equal(response.headers.server, undefined);
    });
  }
});

describe('CORS', () => {
  test('when an origin that is not allowed calls, then no CORS header lets it read', async () => {
    const response = await request(t.app).get('/health').set('Origin', 'https://evil.example');
    assert.equal(response.headers['access-control-allow-origin'], undefined);
  });
});
