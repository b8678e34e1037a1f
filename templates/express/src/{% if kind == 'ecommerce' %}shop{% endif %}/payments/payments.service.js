// Apply the payment provider's events to orders, each event at most once.
import { db } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { markPaid, markRefunded } from '../orders/orders.service.js';
import * as payments from './payments.repository.js';

const MAX_ORDER_ID = 2_147_483_647;

/** The order id an event is about, or null (JSON's `true` must not mean order 1). */
function orderIdOf(event) {
  const id = event.data?.order_id;
  return Number.isInteger(id) && id > 0 && id <= MAX_ORDER_ID ? id : null;
}

/**
 * False if the event names an amount or a currency other than the order's: a payment of
 * 1 cent must not pay an order of 50 euros. An event without them (the provider's
 * minimal form) is trusted: its signature proves where it comes from.
 */
function paysThisOrder(event, order) {
  const { amount_cents: amount, currency } = event.data;
  if (amount !== undefined && amount !== order.total_cents) return false;
  return currency === undefined || currency === order.currency;
}

/** The provider's id of the charge, when the event names it. */
function chargeIdOf(event) {
  const id = event.data?.charge_id;
  return typeof id === 'string' && id ? id.slice(0, 255) : null;
}

/** Apply one event; answers "processed", "ignored" (it does not apply) or "duplicate". */
export async function handleEvent(event) {
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string' || !event.id) {
    throw new AppError('bad_request', { body: ['is not an event: it needs a string id'] });
  }
  const type = String(event.type ?? '');
  return db.transaction(async (trx) => {
    // Recorded first, in the same transaction as its effect: an id seen before changes
    // nothing, and if applying fails, the event is not recorded and may come again.
    const isNew = await payments.recordEvent(trx, {
      id: event.id.slice(0, 255),
      type: type.slice(0, 100),
    });
    if (!isNew) return 'duplicate';
    const orderId = orderIdOf(event);
    const order = orderId === null ? null : await payments.findOrder(trx, orderId);
    let applied = false;
    if (order && type === 'payment.succeeded' && paysThisOrder(event, order)) {
      applied = await markPaid(trx, order, chargeIdOf(event));
    }
    if (order && type === 'payment.refunded') applied = await markRefunded(trx, order);
    if (!applied) logger.info({ event: event.id, type }, 'webhook event does not apply: ignored');
    return applied ? 'processed' : 'ignored';
  });
}
