import { db } from '../../lib/db.js';

/** Every tag in use by at least one article, alphabetically. */
export async function allTags() {
  const rows = await db('tags')
    .whereExists(db('article_tags').whereRaw('article_tags.tag_id = tags.id'))
    .orderBy('name')
    .select('name');
  return rows.map((row) => row.name);
}
