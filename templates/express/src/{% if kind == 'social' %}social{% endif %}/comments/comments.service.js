// The rules of comments: anyone signed in may comment; who may delete. No HTTP here.
import { db, toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { encodeTimeKey, splitPage } from '../pagination.js';
import { toAuthor } from '../accounts/accounts.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findPost } from '../posts/posts.service.js';
import * as comments from './comments.repository.js';

function toComment(row) {
  return {
    id: row.id,
    body: row.body,
    author: toAuthor(row),
    post_id: row.post_id,
    created_at: toIsoString(row.created_at),
  };
}

export async function listComments(postId, { cursor, limit }) {
  await findPost(postId);
  const found = await comments.findPage(postId, { after: cursor, limit: limit + 1 });
  const { rows, more } = splitPage(found, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toComment),
    next_cursor: more ? encodeTimeKey(last.created_at, last.id) : null,
  };
}

/** Comment on a post; every comment notifies the post's author (unless it is theirs). */
export async function addComment(postId, { body }, authorId) {
  const post = await findPost(postId);
  const id = await db.transaction(async (trx) => {
    const commentId = await comments.insert(trx, { body, post_id: postId, author_id: authorId });
    await notify(trx, { recipientId: post.author_id, actorId: authorId, type: 'comment', postId });
    return commentId;
  });
  const view = await comments.findView(id);
  // Deleted already, with its post, by a concurrent request.
  if (!view) throw AppError.notFound('post');
  return toComment(view);
}

/**
 * Delete a comment: its author may, and so may the author of the post it is under
 * (a post's author moderates the conversation there). Nobody else may.
 */
export async function deleteComment(id, userId) {
  const comment = await comments.findWithPostAuthor(id);
  if (!comment) throw AppError.notFound('comment');
  if (userId !== comment.author_id && userId !== comment.post_author_id) {
    throw new AppError('forbidden', {
      comment: ["may be deleted only by its author or the post's author"],
    });
  }
  await comments.remove(id);
}
