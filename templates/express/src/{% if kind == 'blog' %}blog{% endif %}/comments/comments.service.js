// Comments under an article: anyone signed in may comment; only a comment's author may
// delete it (not even the article's author may).
import { toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { findArticle } from '../articles/articles.service.js';
import { followedAmong } from '../profiles/profiles.repository.js';
import { toProfile } from '../profiles/profiles.service.js';
import * as comments from './comments.repository.js';

function toComment(row, following) {
  return {
    id: row.id,
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    body: row.body,
    author: toProfile(
      { username: row.author_username, bio: row.author_bio, image: row.author_image },
      following.has(row.author_id),
    ),
  };
}

export async function listComments(slug, viewerId) {
  const article = await findArticle(slug);
  const rows = await comments.forArticle(article.id);
  const following = await followedAmong(viewerId, [...new Set(rows.map((row) => row.author_id))]);
  return rows.map((row) => toComment(row, following));
}

export async function addComment(slug, { body }, authorId) {
  const article = await findArticle(slug);
  const id = await comments.insert({ body, article_id: article.id, author_id: authorId });
  const comment = await comments.findById(id);
  // Deleted already, with its article, by a concurrent request.
  if (!comment) throw AppError.notFound('article');
  return toComment(comment, new Set());
}

export async function deleteComment(slug, commentId, userId) {
  const article = await findArticle(slug);
  const comment = await comments.findById(commentId);
  // A comment of another article is "not found" here, not someone else's.
  if (!comment || comment.article_id !== article.id) throw AppError.notFound('comment');
  if (comment.author_id !== userId) throw AppError.forbidden('comment');
  await comments.remove(comment.id);
}
