// Data access for orders and their lines, and the stock they reserve.
//
// Every change of status is one conditional UPDATE ("... WHERE status = 'paid'"), so
// two requests racing to change the same order cannot both win: the second finds
// the status already changed, updates no row, and is told so.
import { db } from '../../lib/db.js';

export function findOrder(id, connection = db) {
  return connection('orders').where({ id }).first();
}

/** The lines of every order in `orderIds`: one query, however many orders. */
export function itemsOf(orderIds, connection = db) {
  if (orderIds.length === 0) return [];
  return connection('order_items').whereIn('order_id', orderIds).orderBy('id');
}

/** A page of one user's orders, newest first, and how many they have: two queries. */
export async function findPage(userId, { limit, offset }) {
  const rows = await db('orders')
    .where({ user_id: userId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(limit)
    .offset(offset);
  const [{ count }] = await db('orders').where({ user_id: userId }).count({ count: '*' });
  return { rows, total: Number(count) };
}

/**
 * Take `quantity` from the product's stock if there is that much: one atomic statement.
 * The check and the decrement happen together in the database, so two checkouts cannot
 * both see "1 left" and both take it. PostgreSQL locks the row for the UPDATE (the
 * second waits, then checks stock >= quantity again on the new value); SQLite lets one
 * writer in at a time (BEGIN IMMEDIATE, src/lib/db.js). True when it was reserved.
 */
export async function reserveStock(trx, productId, quantity) {
  const updated = await trx('products')
    .where('id', productId)
    .andWhere('stock', '>=', quantity)
    .update({ stock: trx.raw('stock - ?', [quantity]) });
  return updated === 1;
}

/** product id -> stock now, for the products in `productIds`. */
export async function stockOf(trx, productIds) {
  const rows = await trx('products').whereIn('id', productIds).select('id', 'stock');
  return new Map(rows.map((row) => [row.id, row.stock]));
}

/** Put the items of an order back on the shelf (unless the product left the catalogue). */
export async function returnStock(trx, items) {
  for (const item of items) {
    if (item.product_id === null) continue;
    await trx('products')
      .where('id', item.product_id)
      .update({ stock: trx.raw('stock + ?', [item.quantity]) });
  }
}

export async function insertOrder(trx, order, items) {
  const now = new Date();
  const [{ id }] = await trx('orders')
    .insert({
      ...order,
      shipping_address: JSON.stringify(order.shipping_address),
      created_at: now,
      updated_at: now,
    })
    .returning('id');
  await trx('order_items').insert(items.map((item) => ({ ...item, order_id: id })));
  return id;
}

/**
 * Adds to `query` the condition "no payment of this order is running right now".
 *
 * `payment_started_at` is set while the provider is being asked to charge. If the server
 * dies meanwhile (a crash, a deploy, out of memory) nobody clears it, and the order could
 * never be paid, cancelled or expired again. So a mark from before `abandonedBefore`
 * (now - PAYMENT_TIMEOUT_SECONDS, orders.service.js) counts as abandoned: the provider
 * client gives up far sooner than that, so no live request can still be waiting for it.
 */
function whereNotBeingPaid(query, abandonedBefore) {
  return query.where((marker) =>
    marker.whereNull('payment_started_at').orWhere('payment_started_at', '<', abandonedBefore),
  );
}

/**
 * Move the order to `to` only if its status is still one of `from`; true if it moved.
 * `abandonedBefore` (a Date) also requires that no charge is with the provider right
 * now: the order has no payment mark, or only one left before that time.
 */
export async function moveStatus(connection, id, { from, to, abandonedBefore, changes = {} }) {
  const query = connection('orders').where('id', id).whereIn('status', from);
  if (abandonedBefore) whereNotBeingPaid(query, abandonedBefore);
  const updated = await query.update({ ...changes, status: to, updated_at: new Date() });
  return updated === 1;
}

/**
 * Mark a pending order as being paid at `now`, unless a payment started after
 * `abandonedBefore` is still running; true if this call marked it.
 */
export async function startPayment(id, pending, { now, abandonedBefore }) {
  const query = db('orders').where({ id, status: pending });
  const updated = await whereNotBeingPaid(query, abandonedBefore).update({
    payment_started_at: now,
  });
  return updated === 1;
}

/**
 * Keep the charge id of an order that the provider's webhook marked paid before our pay
 * call returned (unless the event named the charge already), and clear the payment mark.
 */
export function recordChargeOfPaidOrder(id, chargeId) {
  return db('orders')
    .where({ id })
    .update({
      payment_id: db.raw('COALESCE(payment_id, ?)', [chargeId]),
      payment_started_at: null,
    });
}

export function endPayment(id) {
  return db('orders').where({ id }).update({ payment_started_at: null });
}

/** Ids of the orders still `pending` that were placed before `cutoff` and are not being paid. */
export async function overdueIds(pending, cutoff, abandonedBefore) {
  const query = db('orders').where('status', pending).andWhere('created_at', '<', cutoff);
  const rows = await whereNotBeingPaid(query, abandonedBefore).select('id');
  return rows.map((row) => row.id);
}
