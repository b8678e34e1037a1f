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
 * Move the order to `to` only if its status is still one of `from`; true if it moved.
 * `notBeingPaid` also requires that no charge is with the provider right now.
 */
export async function moveStatus(connection, id, { from, to, notBeingPaid = false, changes = {} }) {
  const query = connection('orders').where('id', id).whereIn('status', from);
  if (notBeingPaid) query.whereNull('payment_started_at');
  const updated = await query.update({ ...changes, status: to, updated_at: new Date() });
  return updated === 1;
}

/** Mark a pending order as being paid, unless it is already; true if this call marked it. */
export async function startPayment(id, pending) {
  const updated = await db('orders')
    .where({ id, status: pending })
    .whereNull('payment_started_at')
    .update({ payment_started_at: new Date() });
  return updated === 1;
}

export function endPayment(id) {
  return db('orders').where({ id }).update({ payment_started_at: null });
}

/** Ids of the orders still `pending` that were placed before `cutoff` and are not being paid. */
export async function overdueIds(pending, cutoff) {
  const rows = await db('orders')
    .where('status', pending)
    .andWhere('created_at', '<', cutoff)
    .whereNull('payment_started_at')
    .select('id');
  return rows.map((row) => row.id);
}
