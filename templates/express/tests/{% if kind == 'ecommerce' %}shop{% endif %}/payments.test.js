import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import request from 'supertest';

import { errorResponse } from '../../src/lib/errors.js';
import { PaymentError, paymentProvider } from '../../src/shop/payments/provider.js';
import { createAdmin, createCustomer, createProduct, pay, placeOrder } from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

async function pendingOrder() {
  const admin = await createAdmin(t.app);
  const alice = await createCustomer(t.app, 'Alice');
  const product = await createProduct(t.app, admin, { stock: 5 });
  return { alice, order: await placeOrder(t.app, alice, product.id) };
}

const statusOf = async (orderId) => (await t.db('orders').where({ id: orderId }).first()).status;

describe('PaymentError', () => {
  test('when the card is declined or the provider fails, then the problem is a 402 or a 502', () => {
    const cases = [
      [new PaymentError('payment_declined', { card: ['was declined'] }), 402, 'Payment Required'],
      [new PaymentError('upstream_failed', { payment: ['failed'] }), 502, 'Bad Gateway'],
      [new PaymentError('not_found', { order: ['not found'] }), 404, 'Not Found'],
    ];
    for (const [error, status, title] of cases) {
      const { body } = errorResponse(error);
      assert.deepEqual([body.status, body.title], [status, title]);
    }
  });
});

describe('POST /api/orders/:id/pay', () => {
  test('when paid with tok_visa, then it is 200 and the order is paid, with the charge recorded', async () => {
    const { alice, order } = await pendingOrder();
    const response = await pay(t.app, alice, order.id, 'tok_visa');
    assert.deepEqual([response.status, response.body.status], [200, 'paid']);
    const row = await t.db('orders').where({ id: order.id }).first();
    assert.match(row.payment_id, /^ch_sandbox_/);
    assert.equal(row.payment_started_at, null);
  });

  test('when the card is declined, then it is 402 and the order stays payable', async () => {
    const { alice, order } = await pendingOrder();
    assert.equal((await pay(t.app, alice, order.id, 'tok_declined')).status, 402);
    assert.equal(await statusOf(order.id), 'pending_payment');
    assert.equal((await pay(t.app, alice, order.id, 'tok_visa')).status, 200);
  });

  test('when the provider fails, then it is 502, nothing is charged and the key may be used again', async () => {
    const { alice, order } = await pendingOrder();
    const key = randomUUID();
    assert.equal((await pay(t.app, alice, order.id, 'tok_error', key)).status, 502);
    assert.equal(await statusOf(order.id), 'pending_payment');
    const retry = await pay(t.app, alice, order.id, 'tok_visa', key);
    assert.deepEqual([retry.status, retry.body.status], [200, 'paid']);
  });

  test('when the same key is sent twice, then the answer is replayed and the card charged once', async () => {
    const { alice, order } = await pendingOrder();
    const provider = await paymentProvider();
    const chargesBefore = provider.charges.size;
    const key = randomUUID();
    const first = await pay(t.app, alice, order.id, 'tok_visa', key);
    const second = await pay(t.app, alice, order.id, 'tok_visa', key);
    assert.deepEqual([first.status, second.status], [200, 200]);
    assert.equal(second.text, first.text);
    assert.equal(provider.charges.size, chargesBefore + 1);
    assert.equal((await pay(t.app, alice, order.id)).status, 409, 'a paid order is not payable');
  });

  test('when a key is reused with another token, then it is 422', async () => {
    const { alice, order } = await pendingOrder();
    const key = randomUUID();
    assert.equal((await pay(t.app, alice, order.id, 'tok_declined', key)).status, 402);
    assert.equal((await pay(t.app, alice, order.id, 'tok_visa', key)).status, 422);
    assert.equal(await statusOf(order.id), 'pending_payment');
  });

  test('when the key is missing, then it is 400 and nothing is charged', async () => {
    const { alice, order } = await pendingOrder();
    const response = await request(t.app)
      .post(`/api/orders/${order.id}/pay`)
      .set(alice.auth)
      .send({ payment_token: 'tok_visa' });
    assert.equal(response.status, 400);
    assert.equal(await statusOf(order.id), 'pending_payment');
  });

  test('when the order is cancelled or being paid, then it is 409', async () => {
    const { alice, order } = await pendingOrder();
    await t.db('orders').where({ id: order.id }).update({ payment_started_at: new Date() });
    assert.equal((await pay(t.app, alice, order.id)).status, 409, 'another payment in progress');
    await t.db('orders').where({ id: order.id }).update({ payment_started_at: null });
    await request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    assert.equal((await pay(t.app, alice, order.id)).status, 409);
  });

  test("when a customer pays someone else's order, then it is 404", async () => {
    const { order } = await pendingOrder();
    const bob = await createCustomer(t.app, 'Bob');
    assert.equal((await pay(t.app, bob, order.id)).status, 404);
    assert.equal(await statusOf(order.id), 'pending_payment');
  });
});
