// Data access for follows.
import { db } from '../../lib/db.js';

export async function isFollowing(followerId, followedId) {
  if (!followerId) return false;
  const row = await db('follows')
    .where({ follower_id: followerId, followed_id: followedId })
    .first();
  return Boolean(row);
}

/** Of `userIds`, the ones that `followerId` follows, in one query (no N+1). */
export async function followedAmong(followerId, userIds) {
  if (!followerId || userIds.length === 0) return new Set();
  const rows = await db('follows')
    .where({ follower_id: followerId })
    .whereIn('followed_id', userIds)
    .select('followed_id');
  return new Set(rows.map((row) => row.followed_id));
}

export function follow(followerId, followedId) {
  // Following twice is not an error: the second time changes nothing.
  return db('follows')
    .insert({ follower_id: followerId, followed_id: followedId })
    .onConflict(['follower_id', 'followed_id'])
    .ignore();
}

export function unfollow(followerId, followedId) {
  return db('follows').where({ follower_id: followerId, followed_id: followedId }).delete();
}
