import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { addComment, createArticle, createUser, favorite, follow, unique } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const list = (query = {}, user) => {
  const call = request(t.app).get('/api/articles').query(query);
  return user ? call.set(user.auth) : call;
};
const slugsOf = (response) => response.body.articles.map((article) => article.slug);

describe('POST /api/articles', () => {
  test('when the article is valid, then it is 201, stored as sent, with sorted unique tags', async () => {
    const alice = await createUser(t.app);
    const article = {
      title: 'How to train your dragon',
      description: 'Ever wonder how?',
      body: 'You have to believe.',
      tagList: ['training', 'dragons', 'training'],
    };
    const response = await request(t.app).post('/api/articles').set(alice.auth).send({ article });
    assert.equal(response.status, 201);
    const created = response.body.article;
    assert.match(created.slug, /^how-to-train-your-dragon-[0-9a-f]+$/);
    assert.deepEqual(created.tagList, ['dragons', 'training']);
    assert.equal(created.favorited, false);
    assert.equal(created.favoritesCount, 0);
    assert.equal(created.author.username, alice.username);
    assert.match(created.createdAt, TIMESTAMP);
    assert.match(created.updatedAt, TIMESTAMP);
    const row = await t.db('articles').where({ slug: created.slug }).first();
    assert.deepEqual(
      [row.title, row.description, row.body],
      [article.title, article.description, article.body],
    );
  });

  test('when two articles have the same title, then their slugs differ', async () => {
    const alice = await createUser(t.app);
    const first = await createArticle(t.app, alice, { title: 'Same' });
    const second = await createArticle(t.app, alice, { title: 'Same' });
    assert.notEqual(first.slug, second.slug);
  });

  for (const missing of ['title', 'description', 'body']) {
    test(`when ${missing} is missing, then it is 422 and nothing is stored`, async () => {
      const alice = await createUser(t.app);
      const article = { title: 't', description: 'd', body: 'b', [missing]: undefined };
      const response = await request(t.app).post('/api/articles').set(alice.auth).send({ article });
      assert.equal(response.status, 422);
      assert.deepEqual(response.body.errors[missing], ["can't be blank"]);
      assert.equal(await countRows('articles'), 0);
    });
  }

  test('when tagList is not a list of text, then it is 422', async () => {
    const alice = await createUser(t.app);
    const article = { title: 't', description: 'd', body: 'b', tagList: 'one,two' };
    const response = await request(t.app).post('/api/articles').set(alice.auth).send({ article });
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.tagList);
  });

  test('when there is no token, then it is 401', async () => {
    const response = await request(t.app)
      .post('/api/articles')
      .send({ article: { title: 't', description: 'd', body: 'b' } });
    assert.equal(response.status, 401);
  });
});

describe('GET /api/articles/:slug', () => {
  test('when it exists, then it is 200 with the body and the viewer flags', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    await follow(t.app, bob, alice.username);
    await favorite(t.app, bob, article.slug);
    const response = await request(t.app).get(`/api/articles/${article.slug}`).set(bob.auth);
    assert.equal(response.status, 200);
    assert.equal(response.body.article.body, article.body);
    assert.equal(response.body.article.favorited, true);
    assert.equal(response.body.article.favoritesCount, 1);
    assert.equal(response.body.article.author.following, true);
    const anonymous = await request(t.app).get(`/api/articles/${article.slug}`);
    assert.equal(anonymous.body.article.favorited, false);
    assert.equal(anonymous.body.article.author.following, false);
  });

  test('when it does not exist, then it is 404', async () => {
    const response = await request(t.app).get('/api/articles/no-such-article');
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { errors: { article: ['not found'] } });
  });
});

describe('PUT /api/articles/:slug', () => {
  test('when the author changes fields, then they are stored, the others kept, and a new title makes a new slug', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice, { tagList: ['kept'] });
    const response = await request(t.app)
      .put(`/api/articles/${article.slug}`)
      .set(alice.auth)
      .send({ article: { title: 'A new title', body: 'New body' } });
    assert.equal(response.status, 200);
    const updated = response.body.article;
    assert.match(updated.slug, /^a-new-title-/);
    assert.deepEqual(updated.tagList, ['kept']);
    assert.equal(updated.createdAt, article.createdAt);
    assert.ok(updated.updatedAt >= article.updatedAt);
    const row = await t.db('articles').where({ slug: updated.slug }).first();
    assert.deepEqual(
      [row.title, row.description, row.body],
      ['A new title', article.description, 'New body'],
    );
    assert.equal((await request(t.app).get(`/api/articles/${article.slug}`)).status, 404);
  });

  test('when tagList is sent, then it replaces the tags', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice, { tagList: ['old'] });
    const response = await request(t.app)
      .put(`/api/articles/${article.slug}`)
      .set(alice.auth)
      .send({ article: { tagList: ['new', 'b'] } });
    assert.deepEqual(response.body.article.tagList, ['b', 'new']);
  });

  test('when someone else edits it, then it is 403 and nothing changes', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const response = await request(t.app)
      .put(`/api/articles/${article.slug}`)
      .set(bob.auth)
      .send({ article: { body: 'bob was here' } });
    assert.equal(response.status, 403);
    assert.equal((await t.db('articles').where({ slug: article.slug }).first()).body, article.body);
  });

  test('when a field is blank, then it is 422', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const response = await request(t.app)
      .put(`/api/articles/${article.slug}`)
      .set(alice.auth)
      .send({ article: { title: '  ' } });
    assert.equal(response.status, 422);
  });

  test('when it does not exist, then it is 404; without a token, 401', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    const body = { article: { body: 'x' } };
    assert.equal(
      (await request(t.app).put('/api/articles/nope').set(alice.auth).send(body)).status,
      404,
    );
    assert.equal(
      (await request(t.app).put(`/api/articles/${article.slug}`).send(body)).status,
      401,
    );
  });
});

describe('DELETE /api/articles/:slug', () => {
  test('when the author deletes it, then it is 204 and it is gone with its comments, tags and favourites', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice, { tagList: ['gone'] });
    await addComment(t.app, alice, article.slug);
    await favorite(t.app, alice, article.slug);
    const response = await request(t.app).delete(`/api/articles/${article.slug}`).set(alice.auth);
    assert.equal(response.status, 204);
    for (const table of ['articles', 'comments', 'article_tags', 'favorites']) {
      assert.equal(await countRows(table), 0, table);
    }
  });

  test('when someone else deletes it, then it is 403 and it stays', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    assert.equal(
      (await request(t.app).delete(`/api/articles/${article.slug}`).set(bob.auth)).status,
      403,
    );
    assert.equal(await countRows('articles'), 1);
  });

  test('when it does not exist, then it is 404; without a token, 401', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    assert.equal((await request(t.app).delete('/api/articles/nope').set(alice.auth)).status, 404);
    assert.equal((await request(t.app).delete(`/api/articles/${article.slug}`)).status, 401);
  });
});

describe('GET /api/articles', () => {
  test('when listing, then articles come newest first, without their body', async () => {
    const alice = await createUser(t.app);
    const first = await createArticle(t.app, alice);
    const second = await createArticle(t.app, alice);
    const response = await list();
    assert.equal(response.status, 200);
    assert.deepEqual(slugsOf(response), [second.slug, first.slug]);
    assert.equal(response.body.articlesCount, 2);
    assert.equal(response.body.articles[0].body, undefined);
  });

  test('when paging with limit and offset, then the pages split the list and the count stays the total', async () => {
    const alice = await createUser(t.app);
    const slugs = [];
    for (let i = 0; i < 5; i += 1) slugs.unshift((await createArticle(t.app, alice)).slug);
    const pages = [];
    for (const offset of [0, 2, 4]) pages.push(await list({ limit: 2, offset }));
    assert.deepEqual(pages.map(slugsOf), [slugs.slice(0, 2), slugs.slice(2, 4), slugs.slice(4)]);
    assert.deepEqual(
      pages.map((page) => page.body.articlesCount),
      [5, 5, 5],
    );
    const beyond = await list({ limit: 2, offset: 5 });
    assert.deepEqual([slugsOf(beyond), beyond.body.articlesCount], [[], 5]);
  });

  for (const [name, value] of [
    ['limit', 0],
    ['limit', -1],
    ['limit', 'ten'],
    ['limit', 101],
    ['offset', -1],
  ]) {
    test(`when ${name} is ${value}, then it is 422`, async () => {
      const response = await list({ [name]: value });
      assert.equal(response.status, 422);
      assert.ok(response.body.errors[name]);
    });
  }

  test('when filtering by tag, author and favorited, alone and together, then only matching articles are listed', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const fan = await createUser(t.app);
    const aTagged = (await createArticle(t.app, alice, { tagList: ['news'] })).slug;
    const aPlain = (await createArticle(t.app, alice)).slug;
    const bTagged = (await createArticle(t.app, bob, { tagList: ['news', 'other'] })).slug;
    const bPlain = (await createArticle(t.app, bob)).slug;
    await favorite(t.app, fan, aPlain);
    await favorite(t.app, fan, bTagged);
    const cases = [
      [{ tag: 'news' }, [bTagged, aTagged]],
      [{ author: alice.username }, [aPlain, aTagged]],
      [{ favorited: fan.username }, [bTagged, aPlain]],
      [{ tag: 'news', author: bob.username }, [bTagged]],
      [{ tag: 'news', favorited: fan.username }, [bTagged]],
      [{ author: alice.username, favorited: fan.username }, [aPlain]],
      [{ tag: 'news', author: alice.username, favorited: fan.username }, []],
      [{ tag: 'unknown' }, []],
      [{ author: 'nobody' }, []],
      [{ favorited: 'nobody' }, []],
    ];
    for (const [query, expected] of cases) {
      const response = await list(query);
      assert.deepEqual(slugsOf(response), expected, JSON.stringify(query));
      assert.equal(response.body.articlesCount, expected.length, JSON.stringify(query));
    }
    assert.ok(!slugsOf(await list()).includes(undefined));
    assert.equal((await list()).body.articlesCount, 4, `${bPlain} is listed unfiltered`);
  });

  test('when signed in, then each article says whether the viewer favourited it and follows its author', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const liked = await createArticle(t.app, alice);
    await createArticle(t.app, alice);
    await favorite(t.app, bob, liked.slug);
    await follow(t.app, bob, alice.username);
    const articles = (await list({}, bob)).body.articles;
    assert.deepEqual(
      articles.map((article) => [
        article.favorited,
        article.favoritesCount,
        article.author.following,
      ]),
      [
        [false, 0, true],
        [true, 1, true],
      ],
    );
  });
});

describe('GET /api/articles/feed', () => {
  test('when following someone, then the feed lists only their articles, newest first, paged', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const reader = await createUser(t.app);
    await follow(t.app, reader, alice.username);
    const first = await createArticle(t.app, alice);
    await createArticle(t.app, bob);
    const second = await createArticle(t.app, alice);
    await createArticle(t.app, reader);
    const feed = await request(t.app).get('/api/articles/feed').set(reader.auth);
    assert.equal(feed.status, 200);
    assert.deepEqual(slugsOf(feed), [second.slug, first.slug]);
    assert.equal(feed.body.articlesCount, 2);
    const paged = await request(t.app)
      .get('/api/articles/feed')
      .query({ limit: 1, offset: 1 })
      .set(reader.auth);
    assert.deepEqual([slugsOf(paged), paged.body.articlesCount], [[first.slug], 2]);
  });

  test('when following nobody, then the feed is empty', async () => {
    const alice = await createUser(t.app);
    await createArticle(t.app, alice);
    const loner = await createUser(t.app);
    const feed = await request(t.app).get('/api/articles/feed').set(loner.auth);
    assert.deepEqual([feed.body.articles, feed.body.articlesCount], [[], 0]);
  });

  test('when there is no token, then it is 401', async () => {
    assert.equal((await request(t.app).get('/api/articles/feed')).status, 401);
  });
});

describe('POST and DELETE /api/articles/:slug/favorite', () => {
  test('when favouriting twice, then it counts once; unfavouriting removes it', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    for (let i = 0; i < 2; i += 1) {
      const response = await request(t.app)
        .post(`/api/articles/${article.slug}/favorite`)
        .set(bob.auth);
      assert.equal(response.status, 200);
      assert.deepEqual(
        [response.body.article.favorited, response.body.article.favoritesCount],
        [true, 1],
      );
    }
    assert.equal(await countRows('favorites'), 1);
    const undone = await request(t.app)
      .delete(`/api/articles/${article.slug}/favorite`)
      .set(bob.auth);
    assert.equal(undone.status, 200);
    assert.deepEqual(
      [undone.body.article.favorited, undone.body.article.favoritesCount],
      [false, 0],
    );
    assert.equal(await countRows('favorites'), 0);
  });

  test('when the article does not exist, then it is 404; without a token, 401', async () => {
    const alice = await createUser(t.app);
    const article = await createArticle(t.app, alice);
    assert.equal(
      (await request(t.app).post('/api/articles/nope/favorite').set(alice.auth)).status,
      404,
    );
    assert.equal(
      (await request(t.app).delete('/api/articles/nope/favorite').set(alice.auth)).status,
      404,
    );
    assert.equal((await request(t.app).post(`/api/articles/${article.slug}/favorite`)).status, 401);
    assert.equal(
      (await request(t.app).delete(`/api/articles/${article.slug}/favorite`)).status,
      401,
    );
  });
});

describe('GET /api/tags', () => {
  test('when articles have tags, then every tag in use is listed once, alphabetically', async () => {
    const alice = await createUser(t.app);
    await createArticle(t.app, alice, { tagList: ['zeta', 'alpha'] });
    await createArticle(t.app, alice, { tagList: ['alpha', unique('mid')] });
    const response = await request(t.app).get('/api/tags');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.tags, [...response.body.tags].sort());
    assert.equal(response.body.tags.filter((tag) => tag === 'alpha').length, 1);
    assert.ok(response.body.tags.includes('zeta'));
  });
});
