import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { countRows, useTestApp } from '../helpers.js';
import { createUser, follow, walk } from './factories.js';

const t = useTestApp();

describe('POST /api/users/:username/follow', () => {
  test('when following twice, then there is one follow and following is true', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    await follow(t.app, alice, bob);
    const again = await request(t.app).post(`/api/users/${bob.username}/follow`).set(alice.auth);
    assert.equal(again.status, 200);
    assert.equal(again.body.following, true);
    assert.equal(again.body.followers_count, 1);
    assert.equal(await countRows('follows'), 1);
  });

  test('when following yourself, then it is 422 and nothing is stored', async () => {
    const alice = await createUser(t.app);
    const response = await request(t.app)
      .post(`/api/users/${alice.username}/follow`)
      .set(alice.auth);
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.username);
    assert.equal(await countRows('follows'), 0);
  });

  test('when the user does not exist, then it is 404', async () => {
    const alice = await createUser(t.app);
    const response = await request(t.app).post('/api/users/nobody_here/follow').set(alice.auth);
    assert.equal(response.status, 404);
  });

  test('when anonymous, then following and unfollowing are 401', async () => {
    const bob = await createUser(t.app);
    assert.equal((await request(t.app).post(`/api/users/${bob.username}/follow`)).status, 401);
    assert.equal((await request(t.app).delete(`/api/users/${bob.username}/follow`)).status, 401);
  });
});

describe('DELETE /api/users/:username/follow', () => {
  test('when unfollowing twice, then following is false both times', async () => {
    const [alice, bob] = [await createUser(t.app), await createUser(t.app)];
    await follow(t.app, alice, bob);
    for (let i = 0; i < 2; i += 1) {
      const response = await request(t.app)
        .delete(`/api/users/${bob.username}/follow`)
        .set(alice.auth);
      assert.equal(response.status, 200);
      assert.equal(response.body.following, false);
      assert.equal(response.body.followers_count, 0);
    }
    assert.equal(await countRows('follows'), 0);
  });
});

describe('GET /api/users/:username/followers and /following', () => {
  test('when listed, then they are the profiles, newest follow first', async () => {
    const [alice, bob, carol] = [
      await createUser(t.app),
      await createUser(t.app),
      await createUser(t.app),
    ];
    await follow(t.app, bob, alice);
    await follow(t.app, carol, alice);
    await follow(t.app, alice, carol);
    const followers = await walk(t.app, `/api/users/${alice.username}/followers`, { limit: 1 });
    const following = await walk(t.app, `/api/users/${alice.username}/following`);
    assert.deepEqual(
      followers.map((profile) => profile.username),
      [carol.username, bob.username],
    );
    assert.deepEqual(
      following.map((profile) => profile.username),
      [carol.username],
    );
  });

  test('when new followers arrive during the walk, then nobody is repeated or skipped', async () => {
    const alice = await createUser(t.app);
    const fans = [];
    for (let i = 0; i < 5; i += 1) fans.push(await createUser(t.app));
    for (const fan of fans) await follow(t.app, fan, alice);
    const seen = await walk(t.app, `/api/users/${alice.username}/followers`, {
      between: async () => follow(t.app, await createUser(t.app), alice),
    });
    const names = seen.map((profile) => profile.username);
    assert.deepEqual(names, fans.map((fan) => fan.username).reverse());
  });

  test('when the user does not exist, then it is 404', async () => {
    for (const side of ['followers', 'following']) {
      assert.equal((await request(t.app).get(`/api/users/nobody_here/${side}`)).status, 404);
    }
  });
});
