// `make seed`: a few users who follow each other, with posts, likes and comments,
// so that the feed shows something at once. Running it again changes nothing.
//
// The data is scripts/social/seed-data.json. It goes in through the same services as the
// API's requests, so the seeded network obeys every rule (and its notifications exist).
import { readFileSync } from 'node:fs';

import * as accounts from '../../src/social/accounts/accounts.service.js';
import * as comments from '../../src/social/comments/comments.service.js';
import * as posts from '../../src/social/posts/posts.service.js';
import * as users from '../../src/social/users/users.service.js';
import { db } from '../../src/lib/db.js';

const data = JSON.parse(readFileSync(new URL('./seed-data.json', import.meta.url), 'utf8'));

async function alreadySeeded() {
  const usernames = data.users.map((user) => user.username);
  return Boolean(await db('users').whereIn('username', usernames).first('id'));
}

async function seed() {
  const ids = {};
  for (const { username, email, bio } of data.users) {
    const { user } = await accounts.register({ username, email, password: data.password });
    await users.updateProfile(user.id, { bio });
    ids[username] = user.id;
  }
  for (const [follower, followed] of Object.entries(data.follows)) {
    for (const username of followed) await users.follow(ids[follower], username);
  }
  // Posts are numbered from 1 in the seed file, in the order they are listed.
  const postIds = [];
  for (const { author, body } of data.posts) {
    postIds.push((await posts.createPost({ body }, ids[author])).id);
  }
  for (const { user, post } of data.likes) await posts.like(postIds[post - 1], ids[user]);
  for (const { author, post, body } of data.comments) {
    await comments.addComment(postIds[post - 1], { body }, ids[author]);
  }
}

try {
  if (await alreadySeeded()) {
    console.log('The seed users exist already: nothing to do.');
  } else {
    await seed();
    console.log(`Seeded ${data.users.length} users with follows, posts, likes and comments.`);
    console.log(`Sign in as ${data.users[0].email} with the password ${data.password}.`);
  }
} finally {
  await db.destroy();
}
