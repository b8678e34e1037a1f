import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { addComment, createArticle, createUser } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

describe('POST /api/articles/:slug/comments', () => {
  test('when signed in, then the comment is stored and returned with its author', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const response = await request(t.app)
      .post(`/api/articles/${article.slug}/comments`)
      .set(bob.auth)
      .send({ comment: { body: 'Nice one.' } });
    assert.equal(response.status, 200);
    assert.equal(response.body.comment.body, 'Nice one.');
    assert.equal(response.body.comment.author.username, bob.username);
    assert.equal(typeof response.body.comment.id, 'number');
    assert.match(response.body.comment.createdAt, /\.\d{3}Z$/);
    const row = await t.db('comments').where({ id: response.body.comment.id }).first();
    assert.equal(row.body, 'Nice one.');
  });

  test('when the body is missing or blank, then it is 422 and nothing is stored', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    for (const body of [{ comment: {} }, { comment: { body: ' ' } }, {}]) {
      const response = await request(t.app)
        .post(`/api/articles/${article.slug}/comments`)
        .set(alice.auth)
        .send(body);
      assert.equal(response.status, 422, JSON.stringify(body));
    }
    assert.equal(await countRows('comments'), 0);
  });

  test('when the article does not exist, then it is 404; without a token, 401', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const body = { comment: { body: 'c' } };
    assert.equal(
      (await request(t.app).post('/api/articles/nope/comments').set(alice.auth).send(body)).status,
      404,
    );
    assert.equal(
      (await request(t.app).post(`/api/articles/${article.slug}/comments`).send(body)).status,
      401,
    );
  });
});

describe('GET /api/articles/:slug/comments', () => {
  test('when an article has comments, then they are listed oldest first, and only its own', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const other = await createArticle(t.app, alice);
    const first = await addComment(t.app, alice, article.slug, 'first');
    const second = await addComment(t.app, alice, article.slug, 'second');
    await addComment(t.app, alice, other.slug, 'elsewhere');
    const response = await request(t.app).get(`/api/articles/${article.slug}/comments`);
    assert.equal(response.status, 200);
    assert.deepEqual(
      response.body.comments.map((comment) => comment.id),
      [first.id, second.id],
    );
  });

  test('when the article does not exist, then it is 404', async () => {
    assert.equal((await request(t.app).get('/api/articles/nope/comments')).status, 404);
  });
});

describe('DELETE /api/articles/:slug/comments/:id', () => {
  test('when its author deletes it, then it is 204 and gone', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const comment = await addComment(t.app, alice, article.slug);
    const response = await request(t.app)
      .delete(`/api/articles/${article.slug}/comments/${comment.id}`)
      .set(alice.auth);
    assert.equal(response.status, 204);
    assert.equal(await countRows('comments'), 0);
  });

  test("when someone else deletes it, even the article's author, then it is 403 and it stays", async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const comment = await addComment(t.app, bob, article.slug);
    const response = await request(t.app)
      .delete(`/api/articles/${article.slug}/comments/${comment.id}`)
      .set(alice.auth);
    assert.equal(response.status, 403);
    assert.equal(await countRows('comments'), 1);
  });

  test('when the comment is unknown or under another article, then it is 404', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const other = await createArticle(t.app, alice);
    const comment = await addComment(t.app, alice, other.slug);
    for (const id of [comment.id + 1000, comment.id]) {
      const response = await request(t.app)
        .delete(`/api/articles/${article.slug}/comments/${id}`)
        .set(alice.auth);
      assert.equal(response.status, 404);
    }
    assert.equal(await countRows('comments'), 1);
  });

  test('when the id is not a number, then it is 422; without a token, 401', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const comment = await addComment(t.app, alice, article.slug);
    assert.equal(
      (await request(t.app).delete(`/api/articles/${article.slug}/comments/abc`).set(alice.auth))
        .status,
      422,
    );
    assert.equal(
      (await request(t.app).delete(`/api/articles/${article.slug}/comments/${comment.id}`)).status,
      401,
    );
  });
});
