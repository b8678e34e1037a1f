import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { useTestApp } from '../helpers.js';
import { createPost, createUser, follow, like, walk } from './factories.js';

const t = useTestApp();

describe('GET /api/feed', () => {
  test('when signed in, then it holds followed and own posts, newest first', async () => {
    const [alice, bob, carol] = [
      await createUser(t.app),
      await createUser(t.app),
      await createUser(t.app),
    ];
    await follow(t.app, alice, bob);
    const mine = await createPost(t.app, alice);
    const followed = await createPost(t.app, bob);
    await createPost(t.app, carol);
    await like(t.app, alice, followed.id);
    const feed = await walk(t.app, '/api/feed', { user: alice });
    assert.deepEqual(
      feed.map((post) => post.id),
      [followed.id, mine.id],
    );
    assert.equal(feed[0].liked_by_me, true);
    assert.equal(feed[1].liked_by_me, false);
  });

  test('when new posts arrive during the walk, then none is repeated or skipped', async () => {
    const [alice, bob, carol] = [
      await createUser(t.app),
      await createUser(t.app),
      await createUser(t.app),
    ];
    await follow(t.app, alice, bob);
    await follow(t.app, alice, carol);
    const existing = [];
    for (let i = 0; i < 7; i += 1) existing.push(await createPost(t.app, i % 2 ? bob : carol));
    const seen = await walk(t.app, '/api/feed', {
      user: alice,
      limit: 3,
      between: async () => {
        await createPost(t.app, bob, 'arrived while reading');
        await createPost(t.app, carol, 'this one too');
      },
    });
    assert.deepEqual(
      seen.map((post) => post.id),
      existing.map((post) => post.id).reverse(),
    );
  });

  test('when the limit is left out, then a page holds 20 posts', async () => {
    const alice = await createUser(t.app);
    for (let i = 0; i < 21; i += 1) await createPost(t.app, alice);
    const response = await request(t.app).get('/api/feed').set(alice.auth);
    assert.equal(response.body.items.length, 20);
    assert.notEqual(response.body.next_cursor, null);
  });

  test('when the limit or the cursor is bad, then it is 422 naming it', async () => {
    const alice = await createUser(t.app);
    const bad = [
      ['limit', '0'],
      ['limit', '101'],
      ['limit', 'many'],
      ['cursor', 'not a cursor!'],
      ['cursor', Buffer.from('{"x": 1}').toString('base64url')],
      ['cursor', Buffer.from('["yesterday", 1]').toString('base64url')],
      ['cursor', Buffer.from('["-100000-01-01T00:00:00.000Z", 1]').toString('base64url')],
      ['cursor', Buffer.from('["2026-01-01T00:00:00.000Z", 2147483648]').toString('base64url')],
    ];
    for (const [name, value] of bad) {
      const response = await request(t.app)
        .get('/api/feed')
        .query({ [name]: value })
        .set(alice.auth);
      assert.equal(response.status, 422, `${name}=${value}`);
      assert.ok(response.body.errors[name], `${name}=${value}`);
    }
  });

  test('when anonymous, then it is 401', async () => {
    assert.equal((await request(t.app).get('/api/feed')).status, 401);
  });
});
