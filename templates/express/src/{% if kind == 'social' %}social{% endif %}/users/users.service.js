// The rules of profiles and follows. Knows nothing about HTTP.
import { db } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { encodeTextKey, encodeTimeKey, splitPage } from '../pagination.js';
import { toAuthor } from '../accounts/accounts.service.js';
import { notify } from '../notifications/notifications.service.js';
import * as users from './users.repository.js';

/** A user as others see them: no e-mail; counts (PostgreSQL sends them as strings). */
function toProfile(row) {
  return {
    ...toAuthor(row),
    followers_count: Number(row.followers_count),
    following_count: Number(row.following_count),
    posts_count: Number(row.posts_count),
    following: Boolean(row.following),
  };
}

/** The user with this username, or a 404. */
export async function findUser(username) {
  const row = await users.findByUsername(username);
  if (!row) throw AppError.notFound('username');
  return row;
}

async function profileOf(userId, viewerId) {
  return toProfile(await users.findProfile(userId, viewerId));
}

export async function getProfile(username, viewerId) {
  return profileOf((await findUser(username)).id, viewerId);
}

export async function updateProfile(userId, { bio, avatar_url: avatarUrl }) {
  // undefined = not sent: unchanged. null (sent as "") clears the field.
  const changes = {};
  if (bio !== undefined) changes.bio = bio;
  if (avatarUrl !== undefined) changes.avatar_url = avatarUrl;
  if (Object.keys(changes).length) await users.updateUser(userId, changes);
  const profile = await users.findProfile(userId, userId);
  if (!profile) throw AppError.unauthorized();
  return toProfile(profile);
}

export async function searchProfiles({ search, cursor, limit }, viewerId) {
  const found = await users.searchPage(search, { after: cursor, limit: limit + 1 }, viewerId);
  const { rows, more } = splitPage(found, limit);
  return {
    items: rows.map(toProfile),
    next_cursor: more ? encodeTextKey(rows.at(-1).username) : null,
  };
}

async function followList(username, side, { cursor, limit }, viewerId) {
  const user = await findUser(username);
  const found = await users.followPage(
    user.id,
    side,
    { after: cursor, limit: limit + 1 },
    viewerId,
  );
  const { rows, more } = splitPage(found, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toProfile),
    next_cursor: more ? encodeTimeKey(last.followed_at, last.id) : null,
  };
}

export function listFollowers(username, query, viewerId) {
  return followList(username, 'followers', query, viewerId);
}

export function listFollowing(username, query, viewerId) {
  return followList(username, 'following', query, viewerId);
}

/** Follow someone; following twice changes nothing, and notifies only once. */
export async function follow(followerId, username) {
  const followed = await findUser(username);
  if (followed.id === followerId) {
    throw AppError.validation('username', 'is yours: you cannot follow yourself');
  }
  // One transaction: the follow and its notification are stored together, or neither.
  await db.transaction(async (trx) => {
    if (await users.insertFollow(trx, followerId, followed.id)) {
      await notify(trx, { recipientId: followed.id, actorId: followerId, type: 'follow' });
    }
  });
  return profileOf(followed.id, followerId);
}

/** Stop following; unfollowing someone you do not follow changes nothing. */
export async function unfollow(followerId, username) {
  const followed = await findUser(username);
  await users.deleteFollow(followerId, followed.id);
  return profileOf(followed.id, followerId);
}
