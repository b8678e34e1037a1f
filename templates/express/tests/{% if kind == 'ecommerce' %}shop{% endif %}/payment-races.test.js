// The provider's "payment succeeded" webhook often arrives before its answer to our
// pay call does. Whichever comes first, the order ends up paid with its charge id, so
// that a later cancel refunds the money through the provider.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, mock, test } from 'node:test';

import request from 'supertest';

import { paymentProvider } from '../../src/shop/payments/provider.js';
import { sign } from '../../src/shop/payments/signatures.js';
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

afterEach(() => mock.restoreAll());

function postEvent(data, type = 'payment.succeeded') {
  const payload = JSON.stringify({ id: `evt_${randomUUID()}`, type, data });
  return request(t.app)
    .post('/api/payments/webhook')
    .set('Content-Type', 'application/json')
    .set('Payment-Signature', sign(Buffer.from(payload), config.paymentWebhookSecret))
    .send(payload);
}

async function pendingOrder() {
  const admin = await createAdmin(t.app);
  const alice = await createCustomer(t.app, 'Alice');
  const product = await createProduct(t.app, admin, { stock: 5, price_cents: 2500 });
  return { alice, product, order: await placeOrder(t.app, alice, product.id) };
}

const orderRow = (id) => t.db('orders').where({ id }).first();

/**
 * Make the provider answer the next charge only after `meanwhile()` has run: the
 * provider's webhook, posted while our pay call still waits for its answer.
 */
async function providerAnswersAfter(meanwhile) {
  const provider = await paymentProvider();
  const charge = provider.charge.bind(provider);
  mock.method(provider, 'charge', async (args) => {
    const result = await charge(args);
    await meanwhile(result);
    return result;
  });
  return provider;
}

describe('a payment.succeeded webhook that arrives before the pay call returns', () => {
  test('when the order is then cancelled, then the charge is refunded through the provider', async () => {
    const { alice, product, order } = await pendingOrder();
    const provider = await providerAnswersAfter(async () => {
      // The event carries only the order id: the charge id must come from our own call.
      const early = await postEvent({ order_id: order.id });
      assert.deepEqual([early.status, early.body.status], [200, 'processed']);
    });
    const refund = mock.method(provider, 'refund');

    const paid = await pay(t.app, alice, order.id);
    assert.deepEqual([paid.status, paid.body.status], [200, 'paid']);
    const row = await orderRow(order.id);
    assert.match(String(row.payment_id), /^ch_sandbox_/, 'the charge id is recorded');
    assert.equal(row.payment_started_at, null);

    const cancelled = await request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    assert.deepEqual([cancelled.status, cancelled.body.status], [200, 'refunded']);
    assert.equal(refund.mock.callCount(), 1);
    assert.equal(refund.mock.calls[0].arguments[0].chargeId, row.payment_id);
    assert.equal(await stockOf(product.id), 5);
  });

  test('when the event names the charge, then that id is recorded at once', async () => {
    const { alice, order } = await pendingOrder();
    let chargeId;
    await providerAnswersAfter(async (charge) => {
      chargeId = charge.id;
      const early = await postEvent({
        order_id: order.id,
        charge_id: charge.id,
        amount_cents: 2500,
        currency: config.shopCurrency,
      });
      assert.equal(early.body.status, 'processed');
      assert.equal((await orderRow(order.id)).payment_id, charge.id);
    });
    assert.equal((await pay(t.app, alice, order.id)).status, 200);
    assert.equal((await orderRow(order.id)).payment_id, chargeId);
  });

  test('when a paid order has no charge id yet, then a cancel is 409 and nothing is refunded', async () => {
    const { alice, product, order } = await pendingOrder();
    assert.equal((await postEvent({ order_id: order.id })).body.status, 'processed');
    const provider = await paymentProvider();
    const refund = mock.method(provider, 'refund');
    const cancelled = await request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    assert.equal(cancelled.status, 409);
    assert.equal(refund.mock.callCount(), 0);
    assert.equal((await orderRow(order.id)).status, 'paid');
    assert.equal(await stockOf(product.id), 4);
  });
});

describe("a payment.succeeded webhook for another amount or currency than the order's", () => {
  for (const [label, data] of [
    ['1 cent', { amount_cents: 1 }],
    ['an amount that is no integer', { amount_cents: '2500' }],
    ['another currency', { amount_cents: 2500, currency: 'XXX' }],
  ]) {
    test(`when it says ${label}, then it is ignored and the order stays unpaid`, async () => {
      const { order } = await pendingOrder();
      const response = await postEvent({ order_id: order.id, ...data });
      assert.deepEqual([response.status, response.body.status], [200, 'ignored']);
      assert.equal((await orderRow(order.id)).status, 'pending_payment');
    });
  }

  test("when it names the order's amount and currency, then it pays the order", async () => {
    const { order } = await pendingOrder();
    const data = { order_id: order.id, amount_cents: 2500, currency: config.shopCurrency };
    assert.equal((await postEvent(data)).body.status, 'processed');
    assert.equal((await orderRow(order.id)).status, 'paid');
  });
});
