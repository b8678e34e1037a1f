// The home feed: what the people you follow (and you) posted, newest first.
//
// This is "fan-out on read": the feed is a query over posts, computed when asked.
// It stays fast with the index on posts (author_id, created_at) while people follow
// hundreds of users; beyond that, big networks precompute each user's feed when a
// post is published ("fan-out on write") and keep it in Redis.
import { db } from '../../lib/db.js';
import { listPosts } from '../posts/posts.service.js';

export function homeFeed(userId, query) {
  const mineOrFollowed = (where) =>
    where
      .where('posts.author_id', userId)
      .orWhereIn(
        'posts.author_id',
        db('follows').select('followed_id').where('follower_id', userId),
      );
  return listPosts(mineOrFollowed, query, userId);
}
