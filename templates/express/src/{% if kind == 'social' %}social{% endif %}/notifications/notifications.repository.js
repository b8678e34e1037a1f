// Data access for notifications.
import { db } from '../../lib/db.js';
import { whereAfter } from '../pagination.js';

/** Whether `actor` already told `recipient` this (a like of this post, a follow). */
export async function exists(trx, { recipientId, actorId, type, postId }) {
  const row = await trx('notifications')
    .where({ recipient_id: recipientId, actor_id: actorId, type, post_id: postId ?? null })
    .first('id');
  return Boolean(row);
}

export function insert(trx, { recipientId, actorId, type, postId }) {
  return trx('notifications').insert({
    recipient_id: recipientId,
    actor_id: actorId,
    type,
    post_id: postId ?? null,
    read: false,
    created_at: new Date(),
  });
}

/** A page of a user's notifications, newest first, each with its actor (one JOIN). */
export function findPage(recipientId, { after, limit }) {
  const query = db('notifications')
    .join('users as actors', 'actors.id', 'notifications.actor_id')
    .select(
      'notifications.id',
      'notifications.type',
      'notifications.post_id',
      'notifications.read',
      'notifications.created_at',
      'actors.username',
      'actors.bio',
      'actors.avatar_url',
    )
    .where('notifications.recipient_id', recipientId);
  whereAfter(
    query,
    after,
    { createdAt: 'notifications.created_at', id: 'notifications.id' },
    { newestFirst: true },
  );
  return query
    .orderBy([
      { column: 'notifications.created_at', order: 'desc' },
      { column: 'notifications.id', order: 'desc' },
    ])
    .limit(limit);
}

export async function countUnread(recipientId) {
  const [{ count }] = await db('notifications')
    .where({ recipient_id: recipientId, read: false })
    .count({ count: '*' });
  return Number(count);
}

/** Mark read: the recipient's own notifications only, whatever ids were sent. */
export function markRead(recipientId, ids) {
  const query = db('notifications').where({ recipient_id: recipientId });
  if (ids !== undefined) query.whereIn('id', ids);
  return query.update({ read: true });
}
