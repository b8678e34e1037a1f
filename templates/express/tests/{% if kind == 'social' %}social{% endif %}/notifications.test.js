import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { useTestApp } from '../helpers.js';
import {
  addComment,
  createPost,
  createUser,
  follow,
  like,
  notificationsOf,
  walk,
} from './factories.js';

const t = useTestApp();

describe('GET /api/notifications', () => {
  test('when someone follows, likes and comments, then the other user is told, newest first', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    await follow(t.app, bob, alice);
    await like(t.app, bob, post.id);
    await addComment(t.app, bob, post.id);
    const page = await notificationsOf(t.app, alice);
    assert.deepEqual(
      page.items.map((item) => [item.type, item.post_id, item.actor.username, item.read]),
      [
        ['comment', post.id, bob.username, false],
        ['like', post.id, bob.username, false],
        ['follow', null, bob.username, false],
      ],
    );
    assert.equal(page.unread_count, 3);
    assert.equal(page.next_cursor, null);
    assert.deepEqual((await notificationsOf(t.app, bob)).items, []);
  });

  test('when you like or comment on your own post, then nobody is told', async () => {
    const alice = await createUser(t.app);
    const post = await createPost(t.app, alice);
    await like(t.app, alice, post.id);
    await addComment(t.app, alice, post.id);
    const page = await notificationsOf(t.app, alice);
    assert.deepEqual(page.items, []);
    assert.equal(page.unread_count, 0);
  });

  test('when liking or following again after undoing it, then there is no second notification', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    for (let i = 0; i < 2; i += 1) {
      await like(t.app, bob, post.id);
      await request(t.app).delete(`/api/posts/${post.id}/like`).set(bob.auth);
      await follow(t.app, bob, alice);
      await request(t.app).delete(`/api/users/${alice.username}/follow`).set(bob.auth);
    }
    const page = await notificationsOf(t.app, alice);
    assert.deepEqual(page.items.map((item) => item.type).sort(), ['follow', 'like']);
  });

  test('when new ones arrive during the walk, then none is repeated or skipped', async () => {
    const alice = await createUser(t.app);
    const post = await createPost(t.app, alice);
    for (let i = 0; i < 5; i += 1) await like(t.app, await createUser(t.app), post.id);
    const existing = (await notificationsOf(t.app, alice)).items;
    const seen = await walk(t.app, '/api/notifications', {
      user: alice,
      between: async () => like(t.app, await createUser(t.app), post.id),
    });
    assert.deepEqual(
      seen.map((item) => item.id),
      existing.map((item) => item.id),
    );
  });

  test('when anonymous, then reading and marking are 401', async () => {
    assert.equal((await request(t.app).get('/api/notifications')).status, 401);
    const response = await request(t.app).post('/api/notifications/read').send({ all: true });
    assert.equal(response.status, 401);
  });
});

describe('POST /api/notifications/read', () => {
  async function threeLikes() {
    const alice = await createUser(t.app);
    const post = await createPost(t.app, alice);
    for (let i = 0; i < 3; i += 1) await like(t.app, await createUser(t.app), post.id);
    return { alice, items: (await notificationsOf(t.app, alice)).items };
  }
  const markRead = (user, body) =>
    request(t.app).post('/api/notifications/read').set(user.auth).send(body);

  test('when ids are sent, then those are marked read', async () => {
    const { alice, items } = await threeLikes();
    const response = await markRead(alice, { ids: [items[0].id, items[2].id] });
    assert.equal(response.status, 204);
    const page = await notificationsOf(t.app, alice);
    assert.deepEqual(
      page.items.map((item) => item.read),
      [true, false, true],
    );
    assert.equal(page.unread_count, 1);
  });

  test('when all is true, then every one is marked read', async () => {
    const { alice } = await threeLikes();
    assert.equal((await markRead(alice, { all: true })).status, 204);
    assert.equal((await notificationsOf(t.app, alice)).unread_count, 0);
  });

  test('when someone else sends the ids, then nothing changes', async () => {
    const { alice, items } = await threeLikes();
    const mallory = await createUser(t.app);
    await markRead(mallory, { ids: items.map((item) => item.id) });
    await markRead(mallory, { all: true });
    assert.equal((await notificationsOf(t.app, alice)).unread_count, 3);
  });

  for (const body of [{}, { all: false }, { ids: [2147483648] }, { ids: 'all' }]) {
    test(`when the body is ${JSON.stringify(body)}, then it is 422`, async () => {
      const alice = await createUser(t.app);
      const response = await markRead(alice, body);
      assert.equal(response.status, 422);
      assert.ok(response.body.errors.ids);
    });
  }
});
