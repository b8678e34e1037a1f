// No N+1: listing 20 articles costs as many queries as listing 1.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { addComment, createArticle, createUser, favorite, follow } from './factories.js';
import { countQueries, useTestApp } from '../helpers.js';

const t = useTestApp();

/** `count` articles by as many authors, each tagged, favourited and followed by the viewer. */
async function seed(count, viewer) {
  const slugs = [];
  for (let i = 0; i < count; i += 1) {
    const author = await createUser(t.app);
    const article = await createArticle(t.app, author, { tagList: [`tag${i}`, 'shared'] });
    await favorite(t.app, viewer, article.slug);
    await follow(t.app, viewer, author.username);
    slugs.push(article.slug);
  }
  return slugs;
}

async function queriesFor(count, path) {
  const viewer = await createUser(t.app);
  const slugs = await seed(count, viewer);
  let response;
  const queries = await countQueries(async () => {
    response = await request(t.app).get(path(slugs)).set(viewer.auth);
  });
  assert.equal(response.status, 200);
  return queries;
}

describe('query counts', () => {
  for (const [name, path] of [
    ['GET /api/articles', () => '/api/articles?limit=50'],
    ['GET /api/articles/feed', () => '/api/articles/feed?limit=50'],
    ['GET /api/articles?tag=shared', () => '/api/articles?tag=shared&limit=50'],
  ]) {
    test(`when ${name} lists 20 articles, then it runs as many queries as for 1`, async () => {
      const one = await queriesFor(1, path);
      const twenty = await queriesFor(20, path);
      assert.equal(twenty, one);
      assert.ok(one <= 7, `${one} queries`);
    });
  }

  test('when comments are listed, then the count does not grow with them', async () => {
    const path = (slugs) => `/api/articles/${slugs[0]}/comments`;
    const viewer = await createUser(t.app);
    const [slug] = await seed(1, viewer);
    await addComment(t.app, viewer, slug);
    const few = await countQueries(() =>
      request(t.app)
        .get(path([slug]))
        .set(viewer.auth),
    );
    for (let i = 0; i < 10; i += 1) await addComment(t.app, await createUser(t.app), slug);
    const many = await countQueries(() =>
      request(t.app)
        .get(path([slug]))
        .set(viewer.auth),
    );
    assert.equal(many, few);
  });
});
