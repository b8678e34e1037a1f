// Data access for profiles and follows.
//
// A profile shows three counts and whether the caller follows the user. They are
// computed by the database in the same SELECT (correlated subqueries), so a page of
// 20 profiles costs one query, not 1 + 20 x 4 (the "N+1 queries" problem).
import { db } from '../../lib/db.js';
import { whereAfter } from '../pagination.js';

/** SELECT users with their counts and the viewer's `following` flag, in one query. */
function profiles(viewerId) {
  const count = (table, column) => db(table).count('*').whereRaw(`${table}.${column} = users.id`);
  const following = viewerId
    ? db.raw(
        'exists (select 1 from follows as mine where mine.followed_id = users.id and mine.follower_id = ?) as following',
        [viewerId],
      )
    : db.raw('false as following');
  return db('users').select(
    'users.id',
    'users.username',
    'users.bio',
    'users.avatar_url',
    count('follows', 'followed_id').as('followers_count'),
    count('follows', 'follower_id').as('following_count'),
    count('posts', 'author_id').as('posts_count'),
    following,
  );
}

export function findByUsername(username) {
  return db('users').where({ username }).first();
}

export function findProfile(userId, viewerId) {
  return profiles(viewerId).where('users.id', userId).first();
}

/** "a_b%" -> "a\_b\%%": the term's own _ and % are characters, not LIKE's wildcards. */
function prefixPattern(term) {
  return `${term.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Profiles whose username starts with `term`, alphabetically, after the username `after`. */
export function searchPage(term, { after, limit }, viewerId) {
  const query = profiles(viewerId).whereRaw("users.username like ? escape '\\'", [
    prefixPattern(term),
  ]);
  if (after !== undefined) query.where('users.username', '>', after);
  return query.orderBy('users.username').limit(limit);
}

/**
 * One page of follows, newest first, as the profiles of the users on the other side.
 * `side` is "followers" (who follows userId) or "following" (whom userId follows).
 * The follow's (created_at, other user's id) is unique, so the order is total.
 */
export function followPage(userId, side, { after, limit }, viewerId) {
  const [mine, other] =
    side === 'followers' ? ['followed_id', 'follower_id'] : ['follower_id', 'followed_id'];
  // An alias: the counts' subqueries read `follows` too, and must not see this row.
  const query = profiles(viewerId)
    .select('link.created_at as followed_at')
    .join('follows as link', `link.${other}`, 'users.id')
    .where(`link.${mine}`, userId);
  whereAfter(query, after, { createdAt: 'link.created_at', id: 'users.id' }, { newestFirst: true });
  return query
    .orderBy([
      { column: 'link.created_at', order: 'desc' },
      { column: 'users.id', order: 'desc' },
    ])
    .limit(limit);
}

export async function updateUser(id, changes) {
  await db('users').where({ id }).update(changes);
}

/** Insert the follow in `trx`; true if it is new, false if it existed (also from a racing request). */
export async function insertFollow(trx, followerId, followedId) {
  const inserted = await trx('follows')
    .insert({ follower_id: followerId, followed_id: followedId, created_at: new Date() })
    .onConflict(['follower_id', 'followed_id'])
    .ignore()
    .returning('follower_id');
  return inserted.length > 0;
}

export function deleteFollow(followerId, followedId) {
  return db('follows').where({ follower_id: followerId, followed_id: followedId }).delete();
}
