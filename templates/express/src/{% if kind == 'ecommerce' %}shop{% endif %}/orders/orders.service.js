// The order rules: checkout, payment, cancellation, shipping and expiry.
// Knows nothing about HTTP: it returns data or throws an AppError.
//
// Orders move pending_payment -> paid -> shipped, or -> cancelled (from pending_payment),
// or -> refunded (from paid or shipped). Each move is a conditional UPDATE
// (orders.repository.js), so two requests cannot both move the same order.
import { config } from '../../lib/config.js';
import { db, toIsoString } from '../../lib/db.js';
import { AppError } from '../../lib/errors.js';
import { ROLES } from '../accounts/accounts.service.js';
import * as cart from '../cart/cart.repository.js';
import * as payments from '../payments/payments.repository.js';
import { paymentProvider } from '../payments/provider.js';
import * as idempotency from './idempotency.repository.js';
import * as orders from './orders.repository.js';

export const STATUS = Object.freeze({
  pending: 'pending_payment',
  paid: 'paid',
  shipped: 'shipped',
  cancelled: 'cancelled',
  refunded: 'refunded',
});

/** Orders as the API shows them, with their lines loaded for all of them at once. */
async function present(rows) {
  const items = await orders.itemsOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    items: items
      .filter((item) => item.order_id === row.id)
      .map((item) => ({
        product_id: item.product_id,
        name: item.name,
        unit_price_cents: item.unit_price_cents,
        quantity: item.quantity,
        line_total_cents: item.unit_price_cents * item.quantity,
      })),
    total_cents: row.total_cents,
    currency: row.currency,
    // A JSON column: an object from PostgreSQL, text from SQLite.
    shipping_address:
      typeof row.shipping_address === 'string'
        ? JSON.parse(row.shipping_address)
        : row.shipping_address,
    created_at: toIsoString(row.created_at),
    updated_at: toIsoString(row.updated_at),
  }));
}

async function presentOne(id) {
  const [order] = await present([await orders.findOrder(id)]);
  return order;
}

/**
 * The caller's own order, or any order for an admin. Another customer's order is a
 * 404, not a 403, so that nobody can find out which order numbers exist.
 */
async function visibleOrder(user, id) {
  const order = await orders.findOrder(id);
  if (!order || (order.user_id !== user.id && user.role !== ROLES.admin)) {
    throw new AppError('not_found', { order: ['not found among your orders'] });
  }
  return order;
}

/**
 * A payment mark set before this time was abandoned: its request died with the server
 * (the provider call itself gives up far sooner than PAYMENT_TIMEOUT_SECONDS).
 */
function paymentsAbandonedBefore(now = new Date()) {
  return new Date(now.getTime() - config.paymentTimeoutSeconds * 1000);
}

const cannot = (order, what) =>
  AppError.conflict('order', `is ${order.status}: it cannot be ${what}`);

// --- reading -----------------------------------------------------------------------

export async function listOrders(user, { page, page_size: pageSize }) {
  const { rows, total } = await orders.findPage(user.id, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: await present(rows), total, page, page_size: pageSize };
}

export async function getOrder(user, id) {
  return presentOne((await visibleOrder(user, id)).id);
}

// --- checkout ----------------------------------------------------------------------

/** Turn the cart into an order and reserve its stock: all of it, or nothing. */
export async function checkout(user, shippingAddress) {
  const id = await db.transaction(async (trx) => {
    const lines = await cart.linesOf(user.id, trx);
    if (lines.length === 0) throw AppError.validation('cart', 'is empty');
    await claimCart(trx, user.id, lines);
    // The same order of row locks in every checkout (by product id), so that two of
    // them never wait for each other in a circle (a deadlock) on PostgreSQL.
    lines.sort((a, b) => a.product_id - b.product_id);
    const short = [];
    for (const line of lines) {
      if (!(await orders.reserveStock(trx, line.product_id, line.quantity))) short.push(line);
    }
    if (short.length) {
      const available = await orders.stockOf(
        trx,
        short.map((line) => line.product_id),
      );
      // Throwing rolls the transaction back: what was reserved above is given back.
      throw AppError.conflict('stock', 'is too low for some products', {
        short: short.map((line) => ({
          product_id: line.product_id,
          requested: line.quantity,
          available: available.get(line.product_id) ?? 0,
        })),
      });
    }
    const orderId = await orders.insertOrder(
      trx,
      {
        user_id: user.id,
        status: STATUS.pending,
        currency: config.shopCurrency,
        shipping_address: shippingAddress,
        total_cents: lines.reduce((sum, line) => sum + line.price_cents * line.quantity, 0),
      },
      // The name and price are copied: later catalogue changes do not change the order.
      lines.map((line) => ({
        product_id: line.product_id,
        name: line.name,
        unit_price_cents: line.price_cents,
        quantity: line.quantity,
      })),
    );
    return orderId;
  });
  return presentOne(id);
}

/**
 * Empty the cart before anything is reserved, or 409 if another checkout got there first.
 *
 * Two checkouts of one cart (two tabs, two Idempotency-Keys) must not make two orders.
 * On PostgreSQL this DELETE locks the lines: the second checkout waits here until the
 * first commits, then deletes nothing and stops. On SQLite the second cannot start
 * before the first is done (BEGIN IMMEDIATE), and then finds the cart empty. If
 * anything after this fails, the rollback puts the lines back.
 */
async function claimCart(trx, userId, lines) {
  const claimed = await cart.clear(userId, trx);
  if (claimed !== lines.length) {
    throw AppError.conflict('cart', 'changed during checkout: look at it and try again');
  }
}

// --- payment -----------------------------------------------------------------------

/**
 * Charge the order's total. The charge is made outside any database transaction: a
 * slow provider must not hold locks (on SQLite, the whole database) meanwhile.
 * `idempotencyKey` goes to the provider, which then never charges it twice.
 */
export async function pay(user, id, { paymentToken, idempotencyKey }) {
  const order = await visibleOrder(user, id);
  // A mark left by a payment that died half-way is taken over here.
  const now = new Date();
  const started = await orders.startPayment(order.id, STATUS.pending, {
    now,
    abandonedBefore: paymentsAbandonedBefore(now),
  });
  if (!started) {
    const current = await orders.findOrder(order.id);
    if (current.status !== STATUS.pending) throw cannot(current, 'paid');
    throw AppError.conflict('order', 'is being paid by another request right now');
  }
  let charge;
  try {
    const provider = await paymentProvider();
    charge = await provider.charge({
      amountCents: order.total_cents,
      currency: order.currency,
      token: paymentToken,
      idempotencyKey,
    });
  } catch (error) {
    // Declined or failed: nothing was charged, and the order stays payable.
    await orders.endPayment(order.id);
    throw error;
  }
  await recordCharge(order.id, charge.id);
  return presentOne(order.id);
}

/**
 * The provider charged: the order is paid, and the charge id is kept for refunds.
 *
 * The provider's payment.succeeded webhook often arrives before its answer to our call
 * does, and may already have marked the order paid. The charge id is recorded all the
 * same (unless the event brought it already): without it, no cancel could refund.
 */
async function recordCharge(orderId, chargeId) {
  const paidNow = await orders.moveStatus(db, orderId, {
    from: [STATUS.pending],
    to: STATUS.paid,
    changes: { payment_id: chargeId, payment_started_at: null },
  });
  if (!paidNow) await orders.recordChargeOfPaidOrder(orderId, chargeId);
}

// --- cancel, refund, ship ------------------------------------------------------------

/** Cancel an unpaid order, or refund a paid one; either way the stock comes back. */
export async function cancel(user, id) {
  const order = await visibleOrder(user, id);
  if (order.status === STATUS.pending) {
    await returnStockIfMoved(order, {
      from: [STATUS.pending],
      to: STATUS.cancelled,
      // Never cancel under a payment that the provider may be charging right now.
      abandonedBefore: paymentsAbandonedBefore(),
    });
  } else if (order.status === STATUS.paid) {
    if (!order.payment_id) {
      // Paid by the provider's webhook while our own pay call has not returned the
      // charge id yet. A refund needs that id: never mark the order refunded without
      // one, or the customer would lose the money.
      throw AppError.conflict(
        'order',
        'is paid but its payment is still being confirmed: try again in a moment',
      );
    }
    // Refund first: if the provider fails, nothing changes here (502).
    const provider = await paymentProvider();
    await provider.refund({
      chargeId: order.payment_id,
      amountCents: order.total_cents,
      idempotencyKey: `refund-order-${order.id}`,
    });
    await returnStockIfMoved(order, { from: [STATUS.paid], to: STATUS.refunded });
  } else {
    throw cannot(order, 'cancelled');
  }
  return presentOne(order.id);
}

/** Move the order and return its stock in one transaction, or 409 if it changed meanwhile. */
async function returnStockIfMoved(order, move) {
  await db.transaction(async (trx) => {
    if (!(await orders.moveStatus(trx, order.id, move))) {
      throw AppError.conflict('order', 'has changed meanwhile (being paid?): try again');
    }
    await orders.returnStock(trx, await orders.itemsOf([order.id], trx));
  });
}

/** An admin marks a paid order as shipped. */
export async function ship(user, id) {
  const order = await visibleOrder(user, id);
  const moved = await orders.moveStatus(db, order.id, { from: [STATUS.paid], to: STATUS.shipped });
  if (!moved) throw cannot(order, 'shipped: only a paid order can');
  return presentOne(order.id);
}

// --- events from the payment provider -------------------------------------------------

/**
 * payment.succeeded: a pending order becomes paid, with the event's charge id when it
 * names one (otherwise the pay call records it when it returns). Inside the caller's
 * transaction.
 */
export function markPaid(trx, order, chargeId = null) {
  return orders.moveStatus(trx, order.id, {
    from: [STATUS.pending],
    to: STATUS.paid,
    changes: chargeId ? { payment_id: chargeId } : {},
  });
}

/**
 * payment.refunded: a paid or shipped order becomes refunded. The stock comes back only
 * if the goods never left the warehouse. Inside the caller's transaction.
 */
export async function markRefunded(trx, order) {
  const wasShipped = order.status === STATUS.shipped;
  const moved = await orders.moveStatus(trx, order.id, {
    from: [wasShipped ? STATUS.shipped : STATUS.paid],
    to: STATUS.refunded,
  });
  if (moved && !wasShipped) await orders.returnStock(trx, await orders.itemsOf([order.id], trx));
  return moved;
}

// --- housekeeping ----------------------------------------------------------------------

// An Idempotency-Key protects a client's retries, which come within minutes or hours.
export const KEEP_IDEMPOTENCY_KEYS_HOURS = 24;
// The provider may deliver one event again for days (after an outage on either side):
// its id must be remembered at least that long, or it would be applied twice.
export const KEEP_WEBHOOK_EVENTS_DAYS = 7;

/** Delete idempotency keys and webhook event ids that are too old to matter; answers counts. */
export async function purgeOldRecords(now = new Date()) {
  const hour = 3_600_000;
  const keys = await idempotency.deleteClaimedBefore(
    new Date(now.getTime() - KEEP_IDEMPOTENCY_KEYS_HOURS * hour),
  );
  const events = await payments.deleteEventsBefore(
    new Date(now.getTime() - KEEP_WEBHOOK_EVENTS_DAYS * 24 * hour),
  );
  return { keys, events };
}

// --- expiry ----------------------------------------------------------------------------

/**
 * Cancel every order left unpaid longer than ORDER_HOLD_MINUTES and return its stock;
 * answers how many. Run by `make expire-orders` (from a scheduler) and before orders are
 * read. A quick read comes first, so that reading orders takes no write lock when, as
 * usual, nothing is overdue.
 */
export async function expireOverdueOrders(now = new Date()) {
  const cutoff = new Date(now.getTime() - config.orderHoldMinutes * 60_000);
  const abandonedBefore = paymentsAbandonedBefore(now);
  const ids = await orders.overdueIds(STATUS.pending, cutoff, abandonedBefore);
  if (ids.length === 0) return 0;
  return db.transaction(async (trx) => {
    let expired = 0;
    for (const id of ids) {
      const moved = await orders.moveStatus(trx, id, {
        from: [STATUS.pending],
        to: STATUS.cancelled,
        abandonedBefore,
      });
      if (moved) {
        await orders.returnStock(trx, await orders.itemsOf([id], trx));
        expired += 1;
      }
    }
    return expired;
  });
}
