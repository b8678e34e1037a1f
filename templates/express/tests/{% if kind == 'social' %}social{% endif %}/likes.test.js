import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';
import { createPost, createUser, like, notificationsOf } from './factories.js';

const t = useTestApp();

describe('POST /api/posts/:id/like', () => {
  test('when liked twice, then it counts once and liked_by_me is true', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    await like(t.app, bob, post.id);
    const again = await like(t.app, bob, post.id);
    assert.equal(again.like_count, 1);
    assert.equal(again.liked_by_me, true);
    const seenByAlice = await request(t.app).get(`/api/posts/${post.id}`).set(alice.auth);
    assert.equal(seenByAlice.body.liked_by_me, false);
  });

  test('when one user likes 10 times at once, then there is one like and one notification', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.app).post(`/api/posts/${post.id}/like`).set(bob.auth),
      ),
    );
    assert.deepEqual(
      responses.map((response) => response.status),
      Array(10).fill(200),
    );
    assert.equal(await countRows('likes'), 1);
    assert.equal(await countRows('notifications', { type: 'like' }), 1);
  });

  test('when many users like at once, then every like is counted', async () => {
    const alice = await createUser(t.app);
    const post = await createPost(t.app, alice);
    const fans = [];
    for (let i = 0; i < 5; i += 1) fans.push(await createUser(t.app));
    await Promise.all(fans.map((fan) => like(t.app, fan, post.id)));
    const read = await request(t.app).get(`/api/posts/${post.id}`);
    assert.equal(read.body.like_count, 5);
    assert.equal((await notificationsOf(t.app, alice)).unread_count, 5);
  });

  test('when anonymous or the post is gone, then it is 401 or 404', async () => {
    const alice = await createUser(t.app);
    assert.equal((await request(t.app).post('/api/posts/1/like')).status, 401);
    assert.equal((await request(t.app).post('/api/posts/999/like').set(alice.auth)).status, 404);
  });
});

describe('DELETE /api/posts/:id/like', () => {
  test('when unliked twice, then the like is gone and the others stay', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    await like(t.app, bob, post.id);
    await like(t.app, alice, post.id);
    for (let i = 0; i < 2; i += 1) {
      const response = await request(t.app).delete(`/api/posts/${post.id}/like`).set(bob.auth);
      assert.equal(response.status, 200);
      assert.equal(response.body.like_count, 1);
      assert.equal(response.body.liked_by_me, false);
    }
  });
});
