// The rules of posts and likes. Knows nothing about HTTP.
import { db, toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { encodeTimeKey, splitPage } from '../pagination.js';
import { toAuthor } from '../accounts/accounts.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findUser } from '../users/users.service.js';
import * as posts from './posts.repository.js';

/** A row of posts.repository's views -> the API's post. */
function toPost(row) {
  return {
    id: row.id,
    body: row.body,
    author: toAuthor(row),
    like_count: Number(row.like_count),
    comment_count: Number(row.comment_count),
    liked_by_me: Boolean(row.liked_by_me),
    created_at: toIsoString(row.created_at),
  };
}

/** The post with this id, or a 404. */
export async function findPost(id) {
  const row = await posts.findById(id);
  if (!row) throw AppError.notFound('post');
  return row;
}

export async function getPost(id, viewerId) {
  const row = await posts.findView(id, viewerId);
  if (!row) throw AppError.notFound('post');
  return toPost(row);
}

/** One page of posts matching `filter` (a Knex where), newest first. */
export async function listPosts(filter, { cursor, limit }, viewerId) {
  const found = await posts.findPage(filter, { after: cursor, limit: limit + 1 }, viewerId);
  const { rows, more } = splitPage(found, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toPost),
    next_cursor: more ? encodeTimeKey(last.created_at, last.id) : null,
  };
}

export async function listUserPosts(username, query, viewerId) {
  const author = await findUser(username);
  return listPosts({ 'posts.author_id': author.id }, query, viewerId);
}

export async function createPost({ body }, authorId) {
  // Stored exactly as sent: it goes back as JSON, and escaping it is the front end's job.
  return getPost(await posts.insert({ body, author_id: authorId }), authorId);
}

/** Only the author may delete a post. */
export async function deletePost(id, userId) {
  const post = await findPost(id);
  if (post.author_id !== userId) throw AppError.forbidden('post');
  await db.transaction((trx) => posts.remove(trx, id));
}

/** Like a post; liking it again changes nothing, even from two requests at once. */
export async function like(id, userId) {
  const post = await findPost(id);
  // The like and its notification are stored together, or neither.
  await db.transaction(async (trx) => {
    if (await posts.insertLike(trx, userId, id)) {
      await notify(trx, { recipientId: post.author_id, actorId: userId, type: 'like', postId: id });
    }
  });
  return getPost(id, userId);
}

/** Take a like back; no like, no change. */
export async function unlike(id, userId) {
  await findPost(id);
  await posts.deleteLike(userId, id);
  return getPost(id, userId);
}
