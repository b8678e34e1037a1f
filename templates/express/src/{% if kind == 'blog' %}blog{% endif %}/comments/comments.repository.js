import { db } from '../../lib/db.js';

const COLUMNS = [
  'comments.id',
  'comments.body',
  'comments.article_id',
  'comments.author_id',
  'comments.created_at',
  'comments.updated_at',
  'authors.username as author_username',
  'authors.bio as author_bio',
  'authors.image as author_image',
];

/** The comments of an article, oldest first, with their authors: one query. */
export function forArticle(articleId) {
  return db('comments')
    .join('users as authors', 'authors.id', 'comments.author_id')
    .where('comments.article_id', articleId)
    .orderBy([{ column: 'comments.created_at' }, { column: 'comments.id' }])
    .select(COLUMNS);
}

export function findById(id) {
  return db('comments')
    .join('users as authors', 'authors.id', 'comments.author_id')
    .where('comments.id', id)
    .first(COLUMNS);
}

export async function insert(comment) {
  const now = new Date();
  const [row] = await db('comments')
    .insert({ ...comment, created_at: now, updated_at: now })
    .returning('id');
  return row.id;
}

export function remove(id) {
  return db('comments').where({ id }).delete();
}
