// Data access for the provider's events that were already processed.
import { db } from '../../lib/db.js';

/** Record the event inside `trx`: false if its id was seen before (a replay). */
export async function recordEvent(trx, { id, type }) {
  const inserted = await trx('webhook_events')
    .insert({ id, type, received_at: new Date() })
    .onConflict('id')
    .ignore()
    .returning('id');
  return inserted.length === 1;
}

/** Forget the events received before `before`; answers how many. */
export function deleteEventsBefore(before) {
  return db('webhook_events').where('received_at', '<', before).delete();
}

export function findOrder(trx, id) {
  return (trx ?? db)('orders').where({ id }).first();
}
