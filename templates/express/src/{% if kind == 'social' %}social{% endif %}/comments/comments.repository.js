// Data access for comments: a page of them comes with its authors in one query (a JOIN).
import { db } from '../../lib/db.js';
import { whereAfter } from '../pagination.js';

const COMMENT_COLUMNS = [
  'comments.id',
  'comments.body',
  'comments.post_id',
  'comments.created_at',
  'authors.username',
  'authors.bio',
  'authors.avatar_url',
];

function withAuthors() {
  return db('comments')
    .join('users as authors', 'authors.id', 'comments.author_id')
    .select(COMMENT_COLUMNS);
}

/** A post's comments, oldest first (a conversation reads top to bottom), after `after`. */
export function findPage(postId, { after, limit }) {
  const query = withAuthors().where('comments.post_id', postId);
  whereAfter(
    query,
    after,
    { createdAt: 'comments.created_at', id: 'comments.id' },
    { newestFirst: false },
  );
  return query.orderBy(['comments.created_at', 'comments.id']).limit(limit);
}

export function findView(id) {
  return withAuthors().where('comments.id', id).first();
}

/** The comment with the author of the post it is under: who may delete it. */
export function findWithPostAuthor(id) {
  return db('comments')
    .join('posts', 'posts.id', 'comments.post_id')
    .select('comments.id', 'comments.author_id', 'posts.author_id as post_author_id')
    .where('comments.id', id)
    .first();
}

export async function insert(trx, comment) {
  const [row] = await trx('comments')
    .insert({ ...comment, created_at: new Date() })
    .returning('id');
  return row.id;
}

export function remove(id) {
  return db('comments').where({ id }).delete();
}
