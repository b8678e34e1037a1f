// A payment abandoned half-way does not block its order or its Idempotency-Key forever.
//
// If the server dies (a crash, a deploy) while the provider is charging, the order keeps
// its "being paid" mark and the key its unfinished claim. After PAYMENT_TIMEOUT_SECONDS
// both count as abandoned; before that, they still answer 409.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import request from 'supertest';

import { expireOverdueOrders } from '../../src/shop/orders/orders.service.js';
import { paymentProvider } from '../../src/shop/payments/provider.js';
import { config } from '../../src/lib/config.js';
import {
  createAdmin,
  createCustomer,
  createProduct,
  pay,
  placeOrder,
  stockOf,
} from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

const secondsAgo = (seconds) => new Date(Date.now() - seconds * 1000);
const abandoned = () => secondsAgo(config.paymentTimeoutSeconds + 60);
const justNow = () => secondsAgo(1);
const overdue = () => secondsAgo(config.orderHoldMinutes * 60 + 60);

async function pendingOrder(quantity = 2) {
  const admin = await createAdmin(t.app);
  const alice = await createCustomer(t.app, 'Alice');
  const product = await createProduct(t.app, admin, { stock: 5 });
  return { alice, product, order: await placeOrder(t.app, alice, product.id, quantity) };
}

/** What a server that dies during the provider call leaves on the order. */
function leavePaymentRunning(orderId, startedAt) {
  return t.db('orders').where({ id: orderId }).update({ payment_started_at: startedAt });
}

const cancel = (user, orderId) =>
  request(t.app).post(`/api/orders/${orderId}/cancel`).set(user.auth);

const statusOf = async (orderId) => (await t.db('orders').where({ id: orderId }).first()).status;

describe('an order whose payment was abandoned (the server died mid-payment)', () => {
  test('when its mark is older than the timeout, then it can be paid', async () => {
    const { alice, order } = await pendingOrder();
    await leavePaymentRunning(order.id, abandoned());
    const response = await pay(t.app, alice, order.id);
    assert.deepEqual([response.status, response.body.status], [200, 'paid']);
  });

  test('when its mark is older than the timeout, then it can be cancelled and its stock returns', async () => {
    const { alice, product, order } = await pendingOrder();
    await leavePaymentRunning(order.id, abandoned());
    const response = await cancel(alice, order.id);
    assert.deepEqual([response.status, response.body.status], [200, 'cancelled']);
    assert.equal(await stockOf(product.id), 5);
  });

  test('when its mark was set a moment ago, then paying and cancelling are still 409', async () => {
    const { alice, order } = await pendingOrder();
    await leavePaymentRunning(order.id, justNow());
    assert.equal((await pay(t.app, alice, order.id)).status, 409);
    assert.equal((await cancel(alice, order.id)).status, 409);
    assert.equal(await statusOf(order.id), 'pending_payment');
  });

  test('when it is also overdue, then expiry cancels it and returns its stock, not one being paid', async () => {
    const { alice, product, order } = await pendingOrder();
    const beingPaid = await placeOrder(t.app, alice, product.id, 1);
    await t.db('orders').update({ created_at: overdue() });
    await leavePaymentRunning(order.id, abandoned());
    await leavePaymentRunning(beingPaid.id, justNow());
    assert.equal(await expireOverdueOrders(), 1);
    assert.equal(await statusOf(order.id), 'cancelled');
    assert.equal(await statusOf(beingPaid.id), 'pending_payment');
    assert.equal(await stockOf(product.id), 4, 'the two items of the expired order are back');
  });

  test('when it is also overdue, then reading it finds it cancelled', async () => {
    const { alice, order } = await pendingOrder();
    await t.db('orders').where({ id: order.id }).update({ created_at: overdue() });
    await leavePaymentRunning(order.id, abandoned());
    const read = await request(t.app).get(`/api/orders/${order.id}`).set(alice.auth);
    assert.equal(read.body.status, 'cancelled');
  });
});

describe('an Idempotency-Key left unfinished by a payment that died', () => {
  /**
   * The state a crash right after the provider's charge leaves: the order still pending
   * and marked as being paid, the key claimed with no answer, both since `since`.
   */
  async function crashedPayment(since) {
    const { alice, order } = await pendingOrder();
    const key = randomUUID();
    assert.equal((await pay(t.app, alice, order.id, 'tok_visa', key)).status, 200);
    await t
      .db('orders')
      .where({ id: order.id })
      .update({ status: 'pending_payment', payment_id: null, payment_started_at: since });
    await t
      .db('idempotency_keys')
      .where({ key })
      .update({ status_code: null, body: null, created_at: since });
    return { alice, order, key };
  }

  test('when it is older than the timeout, then a retry with it pays, charging once', async () => {
    const { alice, order, key } = await crashedPayment(abandoned());
    const provider = await paymentProvider();
    const chargesBefore = provider.charges.size;
    const retry = await pay(t.app, alice, order.id, 'tok_visa', key);
    assert.deepEqual([retry.status, retry.body.status], [200, 'paid']);
    // The provider got the same key again: it answers with the first charge.
    assert.equal(provider.charges.size, chargesBefore);
    const repeat = await pay(t.app, alice, order.id, 'tok_visa', key);
    assert.equal(repeat.text, retry.text, 'the key is finished now: its answer is replayed');
  });

  test('when it was claimed a moment ago, then a repeat is still 409', async () => {
    const { alice, order, key } = await crashedPayment(justNow());
    assert.equal((await pay(t.app, alice, order.id, 'tok_visa', key)).status, 409);
    assert.equal(await statusOf(order.id), 'pending_payment');
  });
});
