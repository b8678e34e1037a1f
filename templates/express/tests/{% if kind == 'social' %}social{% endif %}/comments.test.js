import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';
import { addComment, createPost, createUser, walk } from './factories.js';

const t = useTestApp();

describe('POST /api/posts/:id/comments', () => {
  test('when the body is valid, then it is 201 with the comment', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    const response = await request(t.app)
      .post(`/api/posts/${post.id}/comments`)
      .set(bob.auth)
      .send({ body: '😀'.repeat(1000) });
    assert.equal(response.status, 201);
    assert.equal(response.body.body, '😀'.repeat(1000));
    assert.equal(response.body.post_id, post.id);
    assert.equal(response.body.author.username, bob.username);
    const read = await request(t.app).get(`/api/posts/${post.id}`);
    assert.equal(read.body.comment_count, 1);
  });

  for (const body of ['', ' \n ', 'x'.repeat(1001)]) {
    test(`when the body is ${body.length} blank or too many characters, then it is 422`, async () => {
      const alice = await createUser(t.app);
      const post = await createPost(t.app, alice);
      const response = await request(t.app)
        .post(`/api/posts/${post.id}/comments`)
        .set(alice.auth)
        .send({ body });
      assert.equal(response.status, 422);
      assert.ok(response.body.errors.body);
      assert.equal(await countRows('comments'), 0);
    });
  }

  test('when anonymous or the post is gone, then it is 401 or 404', async () => {
    const alice = await createUser(t.app);
    const send = (path, user) => {
      const call = request(t.app).post(path).send({ body: 'x' });
      return user ? call.set(user.auth) : call;
    };
    assert.equal((await send('/api/posts/1/comments')).status, 401);
    assert.equal((await send('/api/posts/999/comments', alice)).status, 404);
  });
});

describe('GET /api/posts/:id/comments', () => {
  test('when listed, then they are oldest first, without repeats while new ones arrive', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    const post = await createPost(t.app, alice);
    const first = [];
    for (let i = 0; i < 5; i += 1) first.push(await addComment(t.app, bob, post.id, `c${i}`));
    const seen = await walk(t.app, `/api/posts/${post.id}/comments`, {
      between: () => addComment(t.app, alice, post.id, 'late'),
    });
    const ids = seen.map((comment) => comment.id);
    assert.equal(new Set(ids).size, ids.length, 'a comment was listed twice');
    assert.deepEqual(
      ids.slice(0, 5),
      first.map((comment) => comment.id),
    );
  });

  test('when the post does not exist, then it is 404', async () => {
    assert.equal((await request(t.app).get('/api/posts/999/comments')).status, 404);
  });
});

describe('DELETE /api/comments/:id', () => {
  async function conversation() {
    const [alice, bob, carol] = [
      await createUser(t.app),
      await createUser(t.app),
      await createUser(t.app),
    ];
    const post = await createPost(t.app, alice);
    const comment = await addComment(t.app, bob, post.id);
    await addComment(t.app, carol, post.id);
    return { alice, bob, carol, comment };
  }
  const remove = (comment, user) => {
    const call = request(t.app).delete(`/api/comments/${comment.id}`);
    return user ? call.set(user.auth) : call;
  };

  test('when the comment’s author deletes it, then it is 204 and gone', async () => {
    const { bob, comment } = await conversation();
    assert.equal((await remove(comment, bob)).status, 204);
    assert.equal(await countRows('comments', { id: comment.id }), 0);
  });

  test('when the post’s author deletes someone’s comment under it, then it is 204', async () => {
    const { alice, comment } = await conversation();
    assert.equal((await remove(comment, alice)).status, 204);
    assert.equal(await countRows('comments', { id: comment.id }), 0);
  });

  test('when anyone else deletes it, then it is 403 (401 anonymous) and it stays', async () => {
    const { carol, comment } = await conversation();
    const stranger = await createUser(t.app);
    await createPost(t.app, stranger);
    assert.equal((await remove(comment)).status, 401);
    assert.equal((await remove(comment, carol)).status, 403);
    assert.equal((await remove(comment, stranger)).status, 403);
    assert.equal(await countRows('comments', { id: comment.id }), 1);
  });

  test('when the comment is gone, then it is 404', async () => {
    const { bob, comment } = await conversation();
    await remove(comment, bob);
    assert.equal((await remove(comment, bob)).status, 404);
    assert.equal((await remove({ id: '2147483648' }, bob)).status, 422);
  });
});
