// Notifications: created by follows, likes and comments; listed and marked read.
//
// Two rules live in notify(): nobody is notified of their own actions, and liking or
// following again (after undoing it) does not notify twice. No HTTP in here.
import { toIsoString } from '../../lib/db.js';
import { encodeTimeKey, splitPage } from '../pagination.js';
import { toAuthor } from '../accounts/accounts.service.js';
import * as notifications from './notifications.repository.js';

/**
 * Tell `recipientId` that `actorId` followed them, or liked or commented on post `postId`,
 * inside the caller's transaction `trx`. Every comment notifies (each one is new);
 * a like or a follow only the first time.
 */
export async function notify(trx, { recipientId, actorId, type, postId = null }) {
  if (recipientId === actorId) return;
  const notification = { recipientId, actorId, type, postId };
  if (type !== 'comment' && (await notifications.exists(trx, notification))) return;
  await notifications.insert(trx, notification);
}

function toNotification(row) {
  return {
    id: row.id,
    type: row.type,
    actor: toAuthor(row),
    post_id: row.post_id ?? null,
    read: Boolean(row.read),
    created_at: toIsoString(row.created_at),
  };
}

export async function listNotifications(userId, { cursor, limit }) {
  const [found, unreadCount] = await Promise.all([
    notifications.findPage(userId, { after: cursor, limit: limit + 1 }),
    notifications.countUnread(userId),
  ]);
  const { rows, more } = splitPage(found, limit);
  const last = rows.at(-1);
  return {
    items: rows.map(toNotification),
    next_cursor: more ? encodeTimeKey(last.created_at, last.id) : null,
    unread_count: unreadCount,
  };
}

/** {ids}: those of the user's notifications; {all: true}: every one. Others' ids are ignored. */
export async function markRead(userId, { ids, all }) {
  await notifications.markRead(userId, all ? undefined : ids);
}
