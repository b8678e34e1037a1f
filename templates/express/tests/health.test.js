import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createApp } from '../src/app.js';
{%- if cache == 'redis' %}
import { cachedJson } from '../src/lib/cache.js';
{%- endif %}
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

  const readMetrics = async () =>
    (await request(app).get('/metrics').set('Authorization', `Bearer ${token}`)).text;

  /** The value of one sample (`name{labels} value`) in Prometheus text; 0 when absent. */
  function sample(text, name) {
    const line = text.split('\n').find((row) => row.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : 0;
  }

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

  test('when a request has read the database, then its SQL statements are timed', async () => {
    const before = sample(await readMetrics(), 'db_query_duration_seconds_count');
    const response = await request(app).get('{{ kind_data.loadtest[0].path }}');
    assert.equal(response.status, 200);
    const text = await readMetrics();
    assert.match(text, /^# TYPE db_query_duration_seconds histogram$/m);
    assert.match(text, /^db_query_duration_seconds_bucket\{le="0.0005"\} \d+$/m);
    assert.ok(sample(text, 'db_query_duration_seconds_count') > before, 'no statement was timed');
  });
{%- if cache == 'redis' %}

  test(
    'when a cached read is read twice, then its lookups count one miss, then one hit',
    { skip: redis ? false : 'REDIS_URL is not set: no Redis to test' },
    async () => {
      const count = async (result) =>
        sample(await readMetrics(), `cache_lookup_duration_seconds_count{result="${result}"}`);
      const [misses, hits] = [await count('miss'), await count('hit')];
      const read = () => cachedJson('metrics-test', 'one-answer', async () => ({ ok: 1 }));
      await read();
      assert.deepEqual([await count('miss'), await count('hit')], [misses + 1, hits]);
      await read();
      assert.deepEqual([await count('miss'), await count('hit')], [misses + 1, hits + 1]);
    },
  );
{%- endif %}

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
