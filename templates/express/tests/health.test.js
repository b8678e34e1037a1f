import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createApp } from '../src/app.js';
import { db } from '../src/lib/db.js';
import { useTestApp } from './helpers.js';

const t = useTestApp();

describe('GET /health, /health/ready and /health/live', () => {
  test('when the database answers, then /health and /health/ready are 200 with status ok', async () => {
    for (const path of ['/health', '/health/ready']) {
      const response = await request(t.app).get(path);
      assert.equal(response.status, 200, path);
      assert.deepEqual(response.body, { status: 'ok', database: 'ok' });
    }
  });

  test('when the database fails, then readiness is 503 and the process is still alive', async (ctx) => {
    ctx.mock.method(db, 'raw', async () => {
      throw new Error('the database is down');
    });
    for (const path of ['/health', '/health/ready']) {
      const response = await request(t.app).get(path);
      assert.equal(response.status, 503, path);
      assert.deepEqual(response.body, { status: 'error', database: 'error' });
    }
    const live = await request(t.app).get('/health/live');
    assert.equal(live.status, 200);
    assert.deepEqual(live.body, { status: 'ok' });
  });
});

describe('GET /metrics', () => {
  const token = 'a-metrics-token-for-the-tests';
  const app = createApp({ metricsToken: token });

  test('when requests were made, then they are counted by route template in Prometheus text', async () => {
    await request(app).get('/health');
    await request(app).get('/api/no-such-route');
    const response = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`);
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'], /^text\/plain/);
    assert.match(response.text, /^# TYPE http_requests_total counter$/m);
    assert.match(
      response.text,
      /http_requests_total\{method="GET",route="\/health",status="200"\} \d+/,
    );
    assert.match(response.text, /route="unmatched",status="404"/);
    assert.match(response.text, /^# TYPE http_request_duration_seconds histogram$/m);
  });

  test('when the token is missing or wrong, then it is 401 and shows nothing', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Token ${token}`]) {
      const call = request(app).get('/metrics');
      if (authorization) call.set('Authorization', authorization);
      const response = await call;
      assert.equal(response.status, 401, authorization);
      assert.ok(response.headers['www-authenticate']);
      assert.doesNotMatch(response.text, /http_requests_total/);
    }
  });

  test('when METRICS_TOKEN is not set, then /metrics does not exist', async () => {
    const response = await request(createApp({ metricsToken: null })).get('/metrics');
    assert.equal(response.status, 404);
  });

  test('when read, then it names no version of Node.js', async () => {
    const response = await request(app).get('/metrics').set('Authorization', `Bearer ${token}`);
    assert.doesNotMatch(response.text, /version/i);
    assert.doesNotMatch(response.text, new RegExp(process.version.replaceAll('.', '\\.')));
  });
});

describe('GET /api/openapi.yaml', () => {
  test('when asked, then the API contract is published', async () => {
    const response = await request(t.app).get('/api/openapi.yaml');
    assert.equal(response.status, 200);
    assert.match(response.text, /^openapi: /m);
  });
});
