// make seed runs scripts/social/seed.js: here on this test file's own database.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { promisify } from 'node:util';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();
const run = promisify(execFile);

describe('make seed', () => {
  test('when run twice, then the seed users follow each other, have posts and can sign in', async () => {
    // The child process inherits DATABASE_URL (and APP_ENV=test) from tests/setup.js.
    for (let i = 0; i < 2; i += 1) await run(process.execPath, ['scripts/social/seed.js']);
    assert.equal(await countRows('users'), 4);
    const login = await request(t.app)
      .post('/api/auth/login')
      .send({ email: 'ada@example.com', password: 'seed-password-123' });
    assert.equal(login.status, 200);
    const feed = await request(t.app)
      .get('/api/feed')
      .set('Authorization', `Bearer ${login.body.token}`);
    assert.ok(feed.body.items.length > 0);
    assert.ok((await countRows('follows')) > 0);
    assert.ok((await countRows('notifications')) > 0);
  });
});
