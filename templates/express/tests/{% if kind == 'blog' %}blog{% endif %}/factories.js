// Test data, made fresh for each test through the API itself, with unique names.
import assert from 'node:assert/strict';

import request from 'supertest';

let counter = 0;
export const PASSWORD = 'correct-horse-battery';

export function unique(prefix) {
  counter += 1;
  return `${prefix}${process.pid}x${counter}`;
}

/** Register a user; returns its details, its token and the header that carries it. */
export async function createUser(app, overrides = {}) {
  const username = overrides.username ?? unique('user');
  const user = { username, email: `${username}@example.com`, password: PASSWORD, ...overrides };
  const response = await request(app).post('/api/users').send({ user });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  const { token } = response.body.user;
  return { ...user, token, auth: { Authorization: `Token ${token}` } };
}

export async function createArticle(app, author, overrides = {}) {
  const article = {
    title: unique('A title '),
    description: 'What it is about',
    body: 'The whole text.',
    tagList: [],
    ...overrides,
  };
  const response = await request(app).post('/api/articles').set(author.auth).send({ article });
  assert.equal(response.status, 201, JSON.stringify(response.body));
  return response.body.article;
}

export async function addComment(app, author, slug, body = 'A comment.') {
  const response = await request(app)
    .post(`/api/articles/${slug}/comments`)
    .set(author.auth)
    .send({ comment: { body } });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.comment;
}

export async function follow(app, follower, username) {
  const response = await request(app).post(`/api/profiles/${username}/follow`).set(follower.auth);
  assert.equal(response.status, 200, JSON.stringify(response.body));
}

export async function favorite(app, user, slug) {
  const response = await request(app).post(`/api/articles/${slug}/favorite`).set(user.auth);
  assert.equal(response.status, 200, JSON.stringify(response.body));
}
