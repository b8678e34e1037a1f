import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import request from 'supertest';

import { sign, verify } from '../../src/shop/payments/signatures.js';
import { config } from '../../src/lib/config.js';
import {
  createAdmin,
  createCustomer,
  createProduct,
  paidOrder,
  placeOrder,
  stockOf,
} from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

function event(type, orderId, id = `evt_${randomUUID()}`) {
  return Buffer.from(JSON.stringify({ id, type, data: { order_id: orderId } }));
}

function post(payload, signature = sign(payload, config.paymentWebhookSecret)) {
  const call = request(t.app).post('/api/payments/webhook').set('Content-Type', 'application/json');
  if (signature) call.set('Payment-Signature', signature);
  // A string goes out byte for byte (superagent would serialise a Buffer as JSON).
  return call.send(payload.toString('utf8'));
}

async function setUp() {
  const admin = await createAdmin(t.app);
  const alice = await createCustomer(t.app, 'Alice');
  const product = await createProduct(t.app, admin, { stock: 5 });
  return { admin, alice, product };
}

const statusOf = async (orderId) => (await t.db('orders').where({ id: orderId }).first()).status;

describe('signatures', () => {
  const secret = 'a-shared-secret';
  const payload = Buffer.from('{"id":"evt_1"}');
  const now = 1_800_000_000;

  test('when the header signs the body recently, then it is accepted', () => {
    assert.doesNotThrow(() => verify(sign(payload, secret, now - 299), payload, secret, now));
  });

  test('when the header is missing, malformed, wrong or more than 5 minutes away, then it is refused', () => {
    for (const header of [
      undefined,
      't=abc,v1=nothing',
      sign(payload, 'another-secret', now),
      sign(Buffer.from('{"id":"evt_2"}'), secret, now),
      sign(payload, secret, now - 301),
      sign(payload, secret, now + 301),
    ]) {
      assert.throws(() => verify(header, payload, secret, now), { code: 'bad_request' }, header);
    }
  });
});

describe('POST /api/payments/webhook', () => {
  test('when payment.succeeded arrives, then the pending order is paid', async () => {
    const { alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    const response = await post(event('payment.succeeded', order.id));
    assert.deepEqual([response.status, response.body.status], [200, 'processed']);
    assert.equal(await statusOf(order.id), 'paid');
  });

  test('when payment.refunded arrives twice, then the order is refunded and its stock returns once', async () => {
    const { alice, product } = await setUp();
    const order = await paidOrder(t.app, alice, product.id, 2);
    const payload = event('payment.refunded', order.id);
    assert.equal((await post(payload)).body.status, 'processed');
    assert.equal((await post(payload)).body.status, 'duplicate');
    assert.equal(await statusOf(order.id), 'refunded');
    assert.equal(await stockOf(product.id), 5);
  });

  test('when a shipped order is refunded, then its stock stays out', async () => {
    const { admin, alice, product } = await setUp();
    const order = await paidOrder(t.app, alice, product.id, 2);
    await request(t.app)
      .patch(`/api/orders/${order.id}`)
      .set(admin.auth)
      .send({ status: 'shipped' });
    await post(event('payment.refunded', order.id));
    assert.equal(await statusOf(order.id), 'refunded');
    assert.equal(await stockOf(product.id), 3);
  });

  test('when a signed event does not apply, then it is 200 and nothing changes', async () => {
    const { alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    for (const payload of [
      event('payment.disputed', order.id),
      event('payment.succeeded', 987654),
      event('payment.refunded', order.id),
    ]) {
      const response = await post(payload);
      assert.deepEqual([response.status, response.body.status], [200, 'ignored']);
    }
    assert.equal(await statusOf(order.id), 'pending_payment');
  });

  test('when the signature is bad or missing, then it is 400 and nothing changes', async () => {
    const { alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    const payload = event('payment.succeeded', order.id);
    for (const signature of [null, sign(payload, 'not-the-secret'), 't=1,v1=00']) {
      const response = await post(payload, signature);
      assert.equal(response.status, 400, String(signature));
      assert.match(response.headers['content-type'], /^application\/problem\+json/);
    }
    assert.equal(await statusOf(order.id), 'pending_payment');
    assert.equal(
      await t
        .db('webhook_events')
        .count({ count: '*' })
        .first()
        .then((row) => Number(row.count)),
      0,
    );
  });

  test('when the signed body is not JSON or not an event, then it is 400', async () => {
    for (const body of ['{"id": "evt_broken", "type": ', '["not", "an", "event"]']) {
      assert.equal((await post(Buffer.from(body))).status, 400, body);
    }
  });
});
