import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { useTestApp } from '../helpers.js';
import { createPost, createUser, follow, unique, walk } from './factories.js';

const t = useTestApp();

describe('GET /api/users/:username', () => {
  test('when anonymous, then it shows the counts and following is false', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    await follow(t.app, bob, alice);
    await createPost(t.app, alice);
    const response = await request(t.app).get(`/api/users/${alice.username}`);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, {
      username: alice.username,
      bio: null,
      avatar_url: null,
      followers_count: 1,
      following_count: 0,
      posts_count: 1,
      following: false,
    });
    const seenByBob = await request(t.app).get(`/api/users/${alice.username}`).set(bob.auth);
    assert.equal(seenByBob.body.following, true);
  });

  test('when the user does not exist, then it is 404', async () => {
    assert.equal((await request(t.app).get('/api/users/nobody_here')).status, 404);
  });
});

describe('PATCH /api/users/me', () => {
  const patch = (user, body) => request(t.app).patch('/api/users/me').set(user.auth).send(body);

  test('when some fields are sent, then only those change', async () => {
    const user = await createUser(t.app);
    await patch(user, { bio: 'Hello', avatar_url: 'https://example.com/a.png' });
    const response = await patch(user, { bio: '🙂'.repeat(160) });
    assert.equal(response.status, 200);
    assert.equal(response.body.bio, '🙂'.repeat(160));
    assert.equal(response.body.avatar_url, 'https://example.com/a.png');
    const [row] = await t.db('users').where({ username: user.username });
    assert.equal(row.bio, '🙂'.repeat(160));
  });

  test('when a field is an empty string, then it is cleared', async () => {
    const user = await createUser(t.app);
    await patch(user, { bio: 'Hello', avatar_url: 'http://example.com/a.png' });
    const response = await patch(user, { avatar_url: '' });
    assert.equal(response.status, 200);
    assert.equal(response.body.avatar_url, null);
    assert.equal(response.body.bio, 'Hello');
  });

  for (const [field, value] of [
    ['bio', 'x'.repeat(161)],
    ['avatar_url', 'javascript:alert(1)'],
    ['avatar_url', 'ftp://example.com/a.png'],
    ['avatar_url', 'not a url'],
  ]) {
    test(`when ${field} is ${value.slice(0, 20)}, then it is 422 and nothing changes`, async () => {
      const user = await createUser(t.app);
      const response = await patch(user, { [field]: value });
      assert.equal(response.status, 422);
      assert.ok(response.body.errors[field]);
      const [row] = await t.db('users').where({ username: user.username });
      assert.equal(row[field], null);
    });
  }

  test('when anonymous, then it is 401', async () => {
    assert.equal((await request(t.app).patch('/api/users/me').send({ bio: 'x' })).status, 401);
  });
});

describe('GET /api/users?search=', () => {
  test('when searching, then usernames that start with the term are found, page by page', async () => {
    const stem = unique('s');
    const names = [];
    for (const suffix of ['a', 'b', 'c']) {
      const user = await createUser(t.app, `${stem}${suffix}`);
      names.push(user.username);
    }
    await createUser(t.app, `x${stem}`);
    const found = await walk(t.app, `/api/users?search=${stem.toUpperCase()}`, { limit: 2 });
    assert.deepEqual(
      found.map((profile) => profile.username),
      names.sort(),
    );
    assert.equal(found[0].email, undefined);
  });

  test('when the term holds _ or %, then they are taken literally', async () => {
    const stem = unique('lit');
    const withUnderscore = await createUser(t.app, `${stem}_x`);
    await createUser(t.app, `${stem}zx`);
    const found = await walk(t.app, `/api/users?search=${stem}_`);
    assert.deepEqual(
      found.map((profile) => profile.username),
      [withUnderscore.username],
    );
    assert.deepEqual(await walk(t.app, `/api/users?search=${stem}%25`), []);
  });

  test('when the cursor is not one the API gave out, then it is 422', async () => {
    const response = await request(t.app).get('/api/users?search=a&cursor=bm90IGEgY3Vyc29y');
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.cursor);
  });
});
