// No N+1: a list of many items costs as many queries as a list of one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countQueries, useTestApp } from '../helpers.js';
import { addComment, createPost, createUser, follow, like } from './factories.js';

const t = useTestApp();

/** A viewer who follows `count` authors, each with a liked and commented post. */
async function network(count) {
  const viewer = await createUser(t.app);
  let post;
  for (let i = 0; i < count; i += 1) {
    const author = await createUser(t.app);
    await follow(t.app, viewer, author);
    await follow(t.app, author, viewer);
    post = await createPost(t.app, author);
    await like(t.app, viewer, post.id);
    await addComment(t.app, author, post.id);
  }
  return { viewer, post };
}

const LISTS = {
  'GET /api/feed': () => '/api/feed?limit=50',
  'GET /api/notifications': () => '/api/notifications?limit=50',
  'GET /api/users/:username/followers': (viewer) => `/api/users/${viewer.username}/followers`,
  'GET /api/users?search=': () => '/api/users?search=user&limit=50',
  'GET /api/posts/:id/comments': (viewer, post) => `/api/posts/${post.id}/comments`,
};

/** The number of queries each list costs for this viewer. */
async function queriesPerList({ viewer, post }) {
  const counts = {};
  for (const [name, path] of Object.entries(LISTS)) {
    let response;
    counts[name] = await countQueries(async () => {
      response = await request(t.app).get(path(viewer, post)).set(viewer.auth);
    });
    assert.equal(response.status, 200, name);
  }
  return counts;
}

describe('query counts', () => {
  test('when a list holds 8 items, then it runs as many queries as with 1, and few', async () => {
    const one = await queriesPerList(await network(1));
    const eight = await queriesPerList(await network(8));
    assert.deepEqual(eight, one);
    for (const [name, count] of Object.entries(one)) assert.ok(count <= 4, `${name}: ${count}`);
  });
});
