import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { useTestApp } from './helpers.js';

const t = useTestApp();

describe('GET /health', () => {
  test('when the database answers, then it is 200 with status ok', async () => {
    const response = await request(t.app).get('/health');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { status: 'ok', database: 'ok' });
  });
});

describe('GET /metrics', () => {
  test('when requests were made, then they are counted by route template in Prometheus text', async () => {
    await request(t.app).get('/health');
    await request(t.app).get('/api/no-such-route');
    const response = await request(t.app).get('/metrics');
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
});

describe('GET /api/openapi.yaml', () => {
  test('when asked, then the API contract is published', async () => {
    const response = await request(t.app).get('/api/openapi.yaml');
    assert.equal(response.status, 200);
    assert.match(response.text, /^openapi: /m);
  });
});
