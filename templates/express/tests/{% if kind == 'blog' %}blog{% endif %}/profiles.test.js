import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createUser, unique } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

describe('GET /api/profiles/:username', () => {
  test('when the user exists, then it shows the public fields only', async () => {
    const alice = await createUser(t.app);
    const response = await request(t.app).get(`/api/profiles/${alice.username}`);
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.profile, {
      username: alice.username,
      bio: null,
      image: null,
      following: false,
    });
  });

  test('when the user does not exist, then it is 404', async () => {
    const response = await request(t.app).get(`/api/profiles/${unique('ghost')}`);
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { errors: { profile: ['not found'] } });
  });
});

describe('POST and DELETE /api/profiles/:username/follow', () => {
  test('when bob follows alice, then the follow is stored and only bob sees following', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    const followed = await request(t.app)
      .post(`/api/profiles/${alice.username}/follow`)
      .set(bob.auth);
    assert.equal(followed.status, 200);
    assert.equal(followed.body.profile.following, true);
    assert.equal(await countRows('follows'), 1);
    const asBob = await request(t.app).get(`/api/profiles/${alice.username}`).set(bob.auth);
    assert.equal(asBob.body.profile.following, true);
    const anonymous = await request(t.app).get(`/api/profiles/${alice.username}`);
    assert.equal(anonymous.body.profile.following, false);
  });

  test('when following twice, then there is still one follow', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    for (let i = 0; i < 2; i += 1) {
      assert.equal(
        (await request(t.app).post(`/api/profiles/${alice.username}/follow`).set(bob.auth)).status,
        200,
      );
    }
    assert.equal(await countRows('follows'), 1);
  });

  test('when bob unfollows alice, then the follow is deleted', async () => {
    const alice = await createUser(t.app);
    const bob = await createUser(t.app);
    await request(t.app).post(`/api/profiles/${alice.username}/follow`).set(bob.auth);
    const response = await request(t.app)
      .delete(`/api/profiles/${alice.username}/follow`)
      .set(bob.auth);
    assert.equal(response.status, 200);
    assert.equal(response.body.profile.following, false);
    assert.equal(await countRows('follows'), 0);
  });

  test('when following oneself, then it is 422', async () => {
    const alice = await createUser(t.app);
    const response = await request(t.app)
      .post(`/api/profiles/${alice.username}/follow`)
      .set(alice.auth);
    assert.equal(response.status, 422);
  });

  test('when the user does not exist, then following and unfollowing are 404', async () => {
    const alice = await createUser(t.app);
    const name = unique('ghost');
    assert.equal(
      (await request(t.app).post(`/api/profiles/${name}/follow`).set(alice.auth)).status,
      404,
    );
    assert.equal(
      (await request(t.app).delete(`/api/profiles/${name}/follow`).set(alice.auth)).status,
      404,
    );
  });

  test('when there is no token, then it is 401', async () => {
    const alice = await createUser(t.app);
    assert.equal((await request(t.app).post(`/api/profiles/${alice.username}/follow`)).status, 401);
    assert.equal(
      (await request(t.app).delete(`/api/profiles/${alice.username}/follow`)).status,
      401,
    );
  });
});
