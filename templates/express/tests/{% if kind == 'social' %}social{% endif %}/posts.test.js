import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';
import { addComment, createPost, createUser, like, notificationsOf, walk } from './factories.js';

const t = useTestApp();

describe('POST /api/posts', () => {
  test('when the body is valid, then it is 201 with the post, stored as given', async () => {
    const alice = await createUser(t.app);
    const body = "  <script>alert('x')</script> & <b>bold</b>  ";
    const response = await request(t.app).post('/api/posts').set(alice.auth).send({ body });
    assert.equal(response.status, 201);
    assert.match(response.headers['content-type'], /^application\/json/);
    const { id, created_at: createdAt, ...rest } = response.body;
    assert.deepEqual(rest, {
      body,
      author: { username: alice.username, bio: null, avatar_url: null },
      like_count: 0,
      comment_count: 0,
      liked_by_me: false,
    });
    assert.match(createdAt, /Z$/);
    const [row] = await t.db('posts').where({ id });
    assert.equal(row.body, body);
  });

  for (const body of ['x'.repeat(280), '😀'.repeat(280), '👩🏽‍💻'.repeat(70)]) {
    test(`when the body is 280 code points (${body[0]}...), then it is accepted`, async () => {
      const alice = await createUser(t.app);
      const response = await request(t.app).post('/api/posts').set(alice.auth).send({ body });
      assert.equal(response.status, 201);
      assert.equal(response.body.body, body);
    });
  }

  for (const body of ['', '  \n\t ', '\u3000\u00a0', 'x'.repeat(281), '😀'.repeat(281), 42]) {
    test(`when the body is ${JSON.stringify(body).slice(0, 12)}, then it is 422`, async () => {
      const alice = await createUser(t.app);
      const response = await request(t.app).post('/api/posts').set(alice.auth).send({ body });
      assert.equal(response.status, 422);
      assert.ok(response.body.errors.body);
      assert.equal(await countRows('posts'), 0);
    });
  }

  test('when anonymous, then it is 401', async () => {
    assert.equal((await request(t.app).post('/api/posts').send({ body: 'hi' })).status, 401);
  });
});

describe('GET /api/posts/:id', () => {
  test('when anyone reads a post, then it is 200', async () => {
    const post = await createPost(t.app, await createUser(t.app), 'Read me');
    const response = await request(t.app).get(`/api/posts/${post.id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, post);
  });

  test('when the post does not exist, then it is 404', async () => {
    assert.equal((await request(t.app).get('/api/posts/12345')).status, 404);
  });

  for (const id of ['2147483648', '99999999999999999999', 'abc', '0']) {
    test(`when the id is ${id}, then it is 422, not a database error`, async () => {
      const response = await request(t.app).get(`/api/posts/${id}`);
      assert.equal(response.status, 422);
      assert.ok(response.body.errors.id);
    });
  }
});

describe('DELETE /api/posts/:id', () => {
  test('when someone else or nobody deletes it, then it is 403 or 401 and it stays', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    assert.equal((await request(t.app).delete(`/api/posts/${post.id}`)).status, 401);
    const response = await request(t.app).delete(`/api/posts/${post.id}`).set(bob.auth);
    assert.equal(response.status, 403);
    assert.equal(await countRows('posts'), 1);
  });

  test('when the author deletes it, then its likes, comments and notifications go too', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    await like(t.app, bob, post.id);
    await addComment(t.app, bob, post.id);
    const response = await request(t.app).delete(`/api/posts/${post.id}`).set(alice.auth);
    assert.equal(response.status, 204);
    assert.equal(response.text, '');
    for (const table of ['posts', 'likes', 'comments', 'notifications']) {
      assert.equal(await countRows(table), 0, table);
    }
    assert.equal((await notificationsOf(t.app, alice)).unread_count, 0);
    assert.equal(
      (await request(t.app).delete(`/api/posts/${post.id}`).set(alice.auth)).status,
      404,
    );
  });
});

describe('GET /api/users/:username/posts', () => {
  test('when listed, then they are that user’s posts, newest first, without repeats', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const mine = [];
    for (let i = 0; i < 5; i += 1) mine.push(await createPost(t.app, alice, `number ${i}`));
    await createPost(t.app, bob);
    const listed = await walk(t.app, `/api/users/${alice.username}/posts`, {
      between: () => createPost(t.app, alice, 'arrived while reading'),
    });
    assert.deepEqual(
      listed.map((post) => post.id),
      mine.map((post) => post.id).reverse(),
    );
  });

  test('when the user does not exist, then it is 404', async () => {
    assert.equal((await request(t.app).get('/api/users/nobody_here/posts')).status, 404);
  });
});
