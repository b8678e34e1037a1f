import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import request from 'supertest';

import { expireOverdueOrders } from '../../src/shop/orders/orders.service.js';
import {
  ADDRESS,
  addToCart,
  checkout,
  createAdmin,
  createCustomer,
  createProduct,
  paidOrder,
  placeOrder,
  stockOf,
} from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

async function setUp(stock = 5) {
  const admin = await createAdmin(t.app);
  const alice = await createCustomer(t.app, 'Alice');
  const product = await createProduct(t.app, admin, { price_cents: 700, stock });
  return { admin, alice, product };
}

describe('POST /api/orders (checkout)', () => {
  test('when the cart has items, then it is 201 with a pending order, the cart is empty and the stock reserved', async () => {
    const { admin, alice, product } = await setUp();
    const tea = await createProduct(t.app, admin, { price_cents: 150, stock: 9 });
    await addToCart(t.app, alice, product.id, 2);
    await addToCart(t.app, alice, tea.id, 3);
    const response = await checkout(t.app, alice);
    assert.equal(response.status, 201);
    const order = response.body;
    assert.deepEqual(
      [order.status, order.total_cents, order.currency],
      ['pending_payment', 1850, 'EUR'],
    );
    assert.deepEqual(order.shipping_address, ADDRESS);
    assert.deepEqual(
      order.items.map((item) => [item.product_id, item.quantity, item.line_total_cents]),
      [
        [product.id, 2, 1400],
        [tea.id, 3, 450],
      ],
    );
    assert.equal(await countRows('cart_items'), 0);
    assert.deepEqual([await stockOf(product.id), await stockOf(tea.id)], [3, 6]);
  });

  test('when the Idempotency-Key is missing, then it is 400 and nothing happens', async () => {
    const { alice, product } = await setUp(4);
    await addToCart(t.app, alice, product.id);
    const response = await request(t.app)
      .post('/api/orders')
      .set(alice.auth)
      .send({ shipping_address: ADDRESS });
    assert.equal(response.status, 400);
    assert.equal(await stockOf(product.id), 4);
    assert.equal(await countRows('orders'), 0);
  });

  test('when the cart is empty or the address incomplete, then it is 422', async () => {
    const { alice, product } = await setUp();
    assert.equal((await checkout(t.app, alice)).status, 422);
    await addToCart(t.app, alice, product.id);
    const response = await checkout(t.app, alice, randomUUID(), { ...ADDRESS, country: 'Britain' });
    assert.equal(response.status, 422);
    assert.ok(response.body.errors.country);
  });

  test('when a product has too little stock, then it is 409 saying which, and nothing is reserved', async () => {
    const { admin, alice, product } = await setUp();
    const plenty = await createProduct(t.app, admin, { stock: 10 });
    await addToCart(t.app, alice, plenty.id, 2);
    await addToCart(t.app, alice, product.id, 4);
    await t.db('products').where({ id: product.id }).update({ stock: 3 });
    const response = await checkout(t.app, alice);
    assert.equal(response.status, 409);
    assert.deepEqual(response.body.short, [{ product_id: product.id, requested: 4, available: 3 }]);
    assert.deepEqual([await stockOf(plenty.id), await stockOf(product.id)], [10, 3]);
    assert.equal(await countRows('cart_items'), 2);
  });

  test('when the same key is sent again, then the first answer is replayed and stock is taken once', async () => {
    const { alice, product } = await setUp();
    await addToCart(t.app, alice, product.id, 2);
    const key = randomUUID();
    const first = await checkout(t.app, alice, key);
    const second = await checkout(t.app, alice, key);
    assert.deepEqual([first.status, second.status], [201, 201]);
    assert.equal(second.text, first.text);
    assert.equal(await stockOf(product.id), 3);
    assert.equal(await countRows('orders'), 1);
  });

  test('when the same key comes with another body, then it is 422', async () => {
    const { alice, product } = await setUp();
    await addToCart(t.app, alice, product.id);
    const key = randomUUID();
    assert.equal((await checkout(t.app, alice, key)).status, 201);
    const other = await checkout(t.app, alice, key, { ...ADDRESS, city: 'Paris' });
    assert.equal(other.status, 422);
    assert.equal(await countRows('orders'), 1);
  });

  test('when the first request with a key is still running, then a repeat is 409', async () => {
    const { alice, product } = await setUp();
    await addToCart(t.app, alice, product.id);
    const key = randomUUID();
    assert.equal((await checkout(t.app, alice, key)).status, 201);
    // As if the first request had claimed the key and not answered yet.
    await t.db('idempotency_keys').where({ key }).update({ status_code: null, body: null });
    assert.equal((await checkout(t.app, alice, key)).status, 409);
    assert.equal(await countRows('orders'), 1);
  });

  test('when two customers use the same key, then each gets an order of their own', async () => {
    const { alice, product } = await setUp();
    const bob = await createCustomer(t.app, 'Bob');
    await addToCart(t.app, alice, product.id);
    await addToCart(t.app, bob, product.id);
    const key = randomUUID();
    const first = await checkout(t.app, alice, key);
    const second = await checkout(t.app, bob, key);
    assert.notEqual(first.body.id, second.body.id);
    assert.equal(await stockOf(product.id), 3);
  });
});

describe('GET /api/orders', () => {
  test('when a customer lists orders, then they are theirs, newest first, paginated', async () => {
    const { alice, product } = await setUp(10);
    const bob = await createCustomer(t.app, 'Bob');
    const older = await placeOrder(t.app, alice, product.id);
    const newer = await placeOrder(t.app, alice, product.id);
    await placeOrder(t.app, bob, product.id);
    const page = await request(t.app).get('/api/orders').set(alice.auth);
    assert.deepEqual(
      page.body.items.map((order) => order.id),
      [newer.id, older.id],
    );
    assert.deepEqual([page.body.total, page.body.page, page.body.page_size], [2, 1, 20]);
    const second = await request(t.app).get('/api/orders?page=2&page_size=1').set(alice.auth);
    assert.deepEqual(
      second.body.items.map((order) => order.id),
      [older.id],
    );
    assert.equal(
      (await request(t.app).get('/api/orders?page_size=101').set(alice.auth)).status,
      422,
    );
  });

  test('when an order is read, then its owner and admins see it; another customer gets 404', async () => {
    const { admin, alice, product } = await setUp();
    const bob = await createCustomer(t.app, 'Bob');
    const order = await placeOrder(t.app, alice, product.id);
    const path = `/api/orders/${order.id}`;
    assert.equal((await request(t.app).get(path).set(alice.auth)).status, 200);
    assert.equal((await request(t.app).get(path).set(admin.auth)).status, 200);
    assert.equal((await request(t.app).get(path).set(bob.auth)).status, 404);
    assert.equal((await request(t.app).get(path)).status, 401);
    assert.equal((await request(t.app).get('/api/orders/999').set(alice.auth)).status, 404);
  });

  test('when the catalogue price changes, then the order keeps the price paid', async () => {
    const { admin, alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    await request(t.app)
      .patch(`/api/products/${product.id}`)
      .set(admin.auth)
      .send({ price_cents: 9900 });
    const read = await request(t.app).get(`/api/orders/${order.id}`).set(alice.auth);
    assert.deepEqual([read.body.items[0].unit_price_cents, read.body.total_cents], [700, 700]);
  });
});

describe('POST /api/orders/:id/cancel', () => {
  test('when a pending order is cancelled, then the stock returns; a second cancel is 409', async () => {
    const { alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id, 2);
    const cancel = () => request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    const response = await cancel();
    assert.deepEqual([response.status, response.body.status], [200, 'cancelled']);
    assert.equal(await stockOf(product.id), 5);
    assert.equal((await cancel()).status, 409);
    assert.equal(await stockOf(product.id), 5);
  });

  test('when a paid order is cancelled, then it is refunded and the stock returns', async () => {
    const { alice, product } = await setUp();
    const order = await paidOrder(t.app, alice, product.id, 2);
    const response = await request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    assert.deepEqual([response.status, response.body.status], [200, 'refunded']);
    assert.equal(await stockOf(product.id), 5);
  });

  test("when someone else's order is cancelled, then a customer gets 404 and an admin may", async () => {
    const { admin, alice, product } = await setUp();
    const bob = await createCustomer(t.app, 'Bob');
    const order = await placeOrder(t.app, alice, product.id);
    const path = `/api/orders/${order.id}/cancel`;
    assert.equal((await request(t.app).post(path).set(bob.auth)).status, 404);
    assert.equal((await request(t.app).post(path).set(admin.auth)).body.status, 'cancelled');
  });
});

describe('PATCH /api/orders/:id (ship)', () => {
  test('when an admin ships a paid order, then it is shipped and can no longer be cancelled', async () => {
    const { admin, alice, product } = await setUp();
    const order = await paidOrder(t.app, alice, product.id);
    const ship = (user) =>
      request(t.app).patch(`/api/orders/${order.id}`).set(user.auth).send({ status: 'shipped' });
    assert.equal((await ship(alice)).status, 403);
    assert.equal((await ship(admin)).body.status, 'shipped');
    const cancel = await request(t.app).post(`/api/orders/${order.id}/cancel`).set(alice.auth);
    assert.equal(cancel.status, 409);
    assert.equal(await stockOf(product.id), 4);
  });

  test('when the order is not paid or the status is not "shipped", then it is 409 or 422', async () => {
    const { admin, alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    const path = `/api/orders/${order.id}`;
    const pending = await request(t.app).patch(path).set(admin.auth).send({ status: 'shipped' });
    assert.equal(pending.status, 409);
    const other = await request(t.app).patch(path).set(admin.auth).send({ status: 'paid' });
    assert.equal(other.status, 422);
  });
});

describe('expiry of unpaid orders', () => {
  test('when an order is left unpaid past the hold, then it is cancelled and its stock returns', async () => {
    const { alice, product } = await setUp();
    const old = await placeOrder(t.app, alice, product.id, 2);
    const fresh = await placeOrder(t.app, alice, product.id, 1);
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await t.db('orders').where({ id: old.id }).update({ created_at: anHourAgo });
    assert.equal(await expireOverdueOrders(), 1);
    assert.equal(await stockOf(product.id), 4);
    assert.equal((await t.db('orders').where({ id: old.id }).first()).status, 'cancelled');
    assert.equal((await t.db('orders').where({ id: fresh.id }).first()).status, 'pending_payment');
    assert.equal(await expireOverdueOrders(), 0, 'an expired order is not expired twice');
  });

  test('when an overdue order is read, then it is already cancelled', async () => {
    const { alice, product } = await setUp();
    const order = await placeOrder(t.app, alice, product.id);
    await t
      .db('orders')
      .where({ id: order.id })
      .update({ created_at: new Date(0) });
    const read = await request(t.app).get(`/api/orders/${order.id}`).set(alice.auth);
    assert.equal(read.body.status, 'cancelled');
    assert.equal(await stockOf(product.id), 5);
  });
});
