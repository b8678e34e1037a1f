// Test data, made fresh for each test through the API itself, with unique names.
import assert from 'node:assert/strict';

import request from 'supertest';

let counter = 0;
export const PASSWORD = 'correct-horse-battery';

/** A username nobody else has: lowercase letters, digits and _ (at most 30). */
export function unique(prefix = 'user') {
  counter += 1;
  return `${prefix}${process.pid}_${counter}`;
}

/** Check the status, then return the body: a failed setup step never passes unnoticed. */
export function expectStatus(response, status) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  return response.body;
}

/** Register a user; returns its details, its token and the header that carries it. */
export async function createUser(app, prefix = 'user') {
  const username = unique(prefix);
  const email = `${username}@example.com`;
  const response = await request(app)
    .post('/api/auth/register')
    .send({ username, email, password: PASSWORD });
  const { user, token } = expectStatus(response, 201);
  return { id: user.id, username, email, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function createPost(app, author, body = unique('A post ')) {
  const response = await request(app).post('/api/posts').set(author.auth).send({ body });
  return expectStatus(response, 201);
}

export async function addComment(app, author, postId, body = 'Nice post!') {
  const response = await request(app)
    .post(`/api/posts/${postId}/comments`)
    .set(author.auth)
    .send({ body });
  return expectStatus(response, 201);
}

export async function follow(app, follower, followed) {
  const response = await request(app)
    .post(`/api/users/${followed.username}/follow`)
    .set(follower.auth);
  return expectStatus(response, 200);
}

export async function like(app, user, postId) {
  return expectStatus(await request(app).post(`/api/posts/${postId}/like`).set(user.auth), 200);
}

export async function notificationsOf(app, user) {
  return expectStatus(await request(app).get('/api/notifications').set(user.auth), 200);
}

/** Every item of a list, page by page; `between()` runs after each page. */
export async function walk(app, path, { user, limit = 2, between } = {}) {
  const items = [];
  let cursor = null;
  for (let pages = 0; pages < 100; pages += 1) {
    const query = { limit, ...(cursor ? { cursor } : {}) };
    let call = request(app).get(path).query(query);
    if (user) call = call.set(user.auth);
    const page = expectStatus(await call, 200);
    assert.ok(page.items.length <= limit, `more than limit=${limit} items`);
    items.push(...page.items);
    await between?.();
    cursor = page.next_cursor;
    if (cursor === null) return items;
  }
  throw new Error(`${path}: more than 100 pages, the cursor never ends`);
}
