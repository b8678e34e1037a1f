// The rules of articles: slugs, tags, who may change what, favourites and the feed.
import { randomBytes } from 'node:crypto';

import { db, toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { followedAmong } from '../profiles/profiles.repository.js';
import { toProfile } from '../profiles/profiles.service.js';
import * as articles from './articles.repository.js';

/** "How to Train Your Dragon!" -> "how-to-train-your-dragon-x3k9q1": readable and unique. */
export function makeSlug(title) {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const suffix = randomBytes(4).toString('hex');
  return base ? `${base}-${suffix}` : suffix;
}

async function uniqueSlug(title) {
  for (;;) {
    const slug = makeSlug(title);
    if (!(await articles.slugExists(slug))) return slug;
  }
}

/** Sorted, without duplicates: RealWorld's clients expect tagList in alphabetical order. */
function cleanTags(tagList) {
  return [...new Set(tagList.map((tag) => tag.trim()))].sort();
}

/** Rows -> RealWorld articles, with their details loaded for all rows at once. */
async function present(rows, viewerId, { withBody = true } = {}) {
  const ids = rows.map((row) => row.id);
  const [{ tags, counts, favorited }, following] = await Promise.all([
    articles.details(ids, viewerId),
    followedAmong(viewerId, [...new Set(rows.map((row) => row.author_id))]),
  ]);
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    description: row.description,
    ...(withBody ? { body: row.body } : {}),
    tagList: tags.get(row.id) ?? [],
    createdAt: toIsoString(row.created_at),
    updatedAt: toIsoString(row.updated_at),
    favorited: favorited.has(row.id),
    favoritesCount: counts.get(row.id) ?? 0,
    author: toProfile(
      { username: row.author_username, bio: row.author_bio, image: row.author_image },
      following.has(row.author_id),
    ),
  }));
}

async function presentOne(row, viewerId) {
  const [article] = await present([row], viewerId);
  return article;
}

/** The article with this slug, or a 404. */
export async function findArticle(slug) {
  const row = await articles.findBySlug(slug);
  if (!row) throw AppError.notFound('article');
  return row;
}

async function ownArticle(slug, userId) {
  const row = await findArticle(slug);
  if (row.author_id !== userId) throw AppError.forbidden('article');
  return row;
}

/** A page of articles; list items leave out the body (RealWorld's MultipleArticlesResponse). */
async function page(filters, paging, viewerId) {
  const { rows, count } = await articles.findPage(filters, paging);
  return { articles: await present(rows, viewerId, { withBody: false }), articlesCount: count };
}

export function listArticles({ tag, author, favorited, limit, offset }, viewerId) {
  return page({ tag, author, favorited }, { limit, offset }, viewerId);
}

export function feed({ limit, offset }, viewerId) {
  return page({ followedBy: viewerId }, { limit, offset }, viewerId);
}

export async function getArticle(slug, viewerId) {
  return presentOne(await findArticle(slug), viewerId);
}

export async function createArticle({ title, description, body, tagList = [] }, authorId) {
  const slug = await uniqueSlug(title);
  await db.transaction((trx) =>
    articles.insert(
      trx,
      { slug, title, description, body, author_id: authorId },
      cleanTags(tagList),
    ),
  );
  return getArticle(slug, authorId);
}

export async function updateArticle(slug, changes, userId) {
  const row = await ownArticle(slug, userId);
  const update = {};
  for (const field of ['title', 'description', 'body']) {
    if (changes[field] !== undefined) update[field] = changes[field];
  }
  // A new title makes a new slug, so that the URL still says what the article is about.
  if (update.title !== undefined && update.title !== row.title)
    update.slug = await uniqueSlug(update.title);
  const tags = changes.tagList === undefined ? undefined : cleanTags(changes.tagList);
  await db.transaction((trx) => articles.update(trx, row.id, update, tags));
  return getArticle(update.slug ?? slug, userId);
}

export async function deleteArticle(slug, userId) {
  const row = await ownArticle(slug, userId);
  await articles.remove(row.id);
}

export async function favorite(slug, userId) {
  const row = await findArticle(slug);
  await articles.addFavorite(userId, row.id);
  return presentOne(row, userId);
}

export async function unfavorite(slug, userId) {
  const row = await findArticle(slug);
  await articles.removeFavorite(userId, row.id);
  return presentOne(row, userId);
}
