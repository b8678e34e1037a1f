// Data access for articles, their tags and favourites.
//
// Lists never run one query per article (the "N+1" problem): a page is one query with
// its authors joined in, then one query each for the tags, the favourite counts and
// the viewer's own flags of the whole page. tests/blog/query-counts.test.js checks it.
import { db } from '../../lib/db.js';

const ARTICLE_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.description',
  'articles.body',
  'articles.author_id',
  'articles.created_at',
  'articles.updated_at',
  'authors.username as author_username',
  'authors.bio as author_bio',
  'authors.image as author_image',
];

function withAuthor(query) {
  return query.join('users as authors', 'authors.id', 'articles.author_id');
}

/** The filters of GET /articles and the feed, applied to a query on articles. */
function applyFilters(query, { tag, author, favorited, followedBy }) {
  if (tag !== undefined) {
    query.whereExists(
      db('article_tags')
        .join('tags', 'tags.id', 'article_tags.tag_id')
        .whereRaw('article_tags.article_id = articles.id')
        .where('tags.name', tag),
    );
  }
  if (author !== undefined) query.where('authors.username', author);
  if (favorited !== undefined) {
    query.whereExists(
      db('favorites')
        .join('users as fans', 'fans.id', 'favorites.user_id')
        .whereRaw('favorites.article_id = articles.id')
        .where('fans.username', favorited),
    );
  }
  if (followedBy !== undefined) {
    query.whereIn(
      'articles.author_id',
      db('follows').select('followed_id').where('follower_id', followedBy),
    );
  }
  return query;
}

/** One page of articles, newest first, and how many match in all. Two queries. */
export async function findPage(filters, { limit, offset }) {
  const rows = await applyFilters(withAuthor(db('articles')).select(ARTICLE_COLUMNS), filters)
    .orderBy([
      { column: 'articles.created_at', order: 'desc' },
      { column: 'articles.id', order: 'desc' },
    ])
    .limit(limit)
    .offset(offset);
  const [{ count }] = await applyFilters(withAuthor(db('articles')), filters).count({ count: '*' });
  return { rows, count: Number(count) };
}

export function findBySlug(slug) {
  return withAuthor(db('articles')).select(ARTICLE_COLUMNS).where('articles.slug', slug).first();
}

export async function slugExists(slug) {
  return Boolean(await db('articles').where({ slug }).first('id'));
}

/** Tags, favourite counts and the viewer's favourites of `articleIds`: three queries. */
export async function details(articleIds, viewerId) {
  if (articleIds.length === 0) return { tags: new Map(), counts: new Map(), favorited: new Set() };
  const [tagRows, countRows, favoritedRows] = await Promise.all([
    db('article_tags')
      .join('tags', 'tags.id', 'article_tags.tag_id')
      .whereIn('article_tags.article_id', articleIds)
      .select('article_tags.article_id', 'tags.name')
      .orderBy('tags.name'),
    db('favorites')
      .whereIn('article_id', articleIds)
      .groupBy('article_id')
      .select('article_id')
      .count({ count: '*' }),
    viewerId
      ? db('favorites')
          .where({ user_id: viewerId })
          .whereIn('article_id', articleIds)
          .select('article_id')
      : [],
  ]);
  const tags = new Map();
  for (const { article_id: id, name } of tagRows) tags.set(id, [...(tags.get(id) ?? []), name]);
  const counts = new Map(countRows.map((row) => [row.article_id, Number(row.count)]));
  const favorited = new Set(favoritedRows.map((row) => row.article_id));
  return { tags, counts, favorited };
}

/** Insert the article and link its tags, inside the caller's transaction `trx`. */
export async function insert(trx, article, tagNames) {
  const now = new Date();
  const [row] = await trx('articles')
    .insert({ ...article, created_at: now, updated_at: now })
    .returning('id');
  await setTags(trx, row.id, tagNames);
  return row.id;
}

export async function update(trx, id, changes, tagNames) {
  await trx('articles')
    .where({ id })
    .update({ ...changes, updated_at: new Date() });
  if (tagNames !== undefined) await setTags(trx, id, tagNames);
}

async function setTags(trx, articleId, tagNames) {
  await trx('article_tags').where({ article_id: articleId }).delete();
  if (tagNames.length === 0) return;
  // Create the tags that do not exist yet, then link them all: two statements.
  await trx('tags')
    .insert(tagNames.map((name) => ({ name })))
    .onConflict('name')
    .ignore();
  const tags = await trx('tags').whereIn('name', tagNames).select('id');
  await trx('article_tags').insert(tags.map((tag) => ({ article_id: articleId, tag_id: tag.id })));
}

export function remove(id) {
  // Its comments, tag links and favourites go with it (ON DELETE CASCADE).
  return db('articles').where({ id }).delete();
}

export function addFavorite(userId, articleId) {
  return db('favorites')
    .insert({ user_id: userId, article_id: articleId })
    .onConflict(['user_id', 'article_id'])
    .ignore();
}

export function removeFavorite(userId, articleId) {
  return db('favorites').where({ user_id: userId, article_id: articleId }).delete();
}
