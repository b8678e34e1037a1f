// Data access for posts and likes.
//
// Reading lists without the "N+1 queries" problem is the heart of this module: each
// post on a page needs its author, its like and comment counts, and whether the
// caller liked it. Asked one by one, that is 1 + 20 x 4 queries for a page of 20;
// here the database answers everything in one SELECT (a JOIN and subqueries).
import { db } from '../../lib/db.js';
import { whereAfter } from '../pagination.js';

/** SELECT posts with their author, counts and the viewer's `liked_by_me`, in one query. */
function postViews(viewerId) {
  const count = (table) => db(table).count('*').whereRaw(`${table}.post_id = posts.id`);
  const likedByMe = viewerId
    ? db.raw(
        'exists (select 1 from likes as mine where mine.post_id = posts.id and mine.user_id = ?) as liked_by_me',
        [viewerId],
      )
    : db.raw('false as liked_by_me');
  return db('posts')
    .join('users as authors', 'authors.id', 'posts.author_id')
    .select(
      'posts.id',
      'posts.body',
      'posts.author_id',
      'posts.created_at',
      'authors.username',
      'authors.bio',
      'authors.avatar_url',
      count('likes').as('like_count'),
      count('comments').as('comment_count'),
      likedByMe,
    );
}

export function findById(id) {
  return db('posts').where({ id }).first();
}

export function findView(id, viewerId) {
  return postViews(viewerId).where('posts.id', id).first();
}

/**
 * One page of posts, newest first. `filter` narrows the query (whose posts);
 * `after` is the decoded cursor: the (created_at, id) of the previous page's last post.
 */
export function findPage(filter, { after, limit }, viewerId) {
  const query = postViews(viewerId).where(filter);
  whereAfter(
    query,
    after,
    { createdAt: 'posts.created_at', id: 'posts.id' },
    { newestFirst: true },
  );
  return query
    .orderBy([
      { column: 'posts.created_at', order: 'desc' },
      { column: 'posts.id', order: 'desc' },
    ])
    .limit(limit);
}

export async function insert(post) {
  const [row] = await db('posts')
    .insert({ ...post, created_at: new Date() })
    .returning('id');
  return row.id;
}

/**
 * Delete a post with its likes, comments and the notifications about it, in `trx`.
 * The foreign keys say ON DELETE CASCADE too; deleting explicitly keeps the rule
 * visible here and independent of the database's settings.
 */
export async function remove(trx, id) {
  for (const table of ['notifications', 'likes', 'comments']) {
    await trx(table).where({ post_id: id }).delete();
  }
  await trx('posts').where({ id }).delete();
}

/**
 * Insert the like in `trx`; true if it is new. INSERT ... ON CONFLICT DO NOTHING: when
 * another request inserted the same like first (even at the same moment), the primary
 * key refuses this one without an error, and nothing is returned.
 */
export async function insertLike(trx, userId, postId) {
  const inserted = await trx('likes')
    .insert({ user_id: userId, post_id: postId, created_at: new Date() })
    .onConflict(['user_id', 'post_id'])
    .ignore()
    .returning('post_id');
  return inserted.length > 0;
}

export function deleteLike(userId, postId) {
  return db('likes').where({ user_id: userId, post_id: postId }).delete();
}
