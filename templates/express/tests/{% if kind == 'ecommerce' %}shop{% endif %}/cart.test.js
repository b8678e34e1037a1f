import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { addToCart, createAdmin, createCustomer, createProduct } from './factories.js';
import { useTestApp } from '../helpers.js';

const t = useTestApp();

async function setUp(stock = 5) {
  const admin = await createAdmin(t.app);
  const customer = await createCustomer(t.app);
  const product = await createProduct(t.app, admin, { price_cents: 250, stock });
  return { admin, customer, product };
}

describe('the cart', () => {
  test('when nobody is signed in, then every cart route is 401', async () => {
    for (const [method, path] of [
      ['get', '/api/cart'],
      ['post', '/api/cart/items'],
      ['patch', '/api/cart/items/1'],
      ['delete', '/api/cart/items/1'],
    ]) {
      assert.equal((await request(t.app)[method](path).send({ quantity: 1 })).status, 401, path);
    }
  });

  test('when new, then it is empty in the shop currency', async () => {
    const customer = await createCustomer(t.app);
    const response = await request(t.app).get('/api/cart').set(customer.auth);
    assert.deepEqual(response.body, { items: [], subtotal_cents: 0, currency: 'EUR' });
  });

  test('when a product is added twice, then the quantities add up and the lines are priced', async () => {
    const { admin, customer, product } = await setUp();
    const tea = await createProduct(t.app, admin, { price_cents: 1000 });
    await addToCart(t.app, customer, product.id, 1);
    await addToCart(t.app, customer, tea.id, 1);
    const cart = await addToCart(t.app, customer, product.id, 2);
    assert.deepEqual(cart.items[0], {
      product_id: product.id,
      name: product.name,
      unit_price_cents: 250,
      quantity: 3,
      line_total_cents: 750,
    });
    assert.equal(cart.subtotal_cents, 1750);
    const rows = await t.db('cart_items').where({ user_id: customer.id });
    assert.equal(rows.length, 2);
  });

  test('when the product is unknown, then it is 404', async () => {
    const customer = await createCustomer(t.app);
    const response = await request(t.app)
      .post('/api/cart/items')
      .set(customer.auth)
      .send({ product_id: 999, quantity: 1 });
    assert.equal(response.status, 404);
  });

  test('when the quantity is below 1 or above the stock, then it is 422 and the cart keeps its lines', async () => {
    const { customer, product } = await setUp(3);
    const add = (quantity) =>
      request(t.app)
        .post('/api/cart/items')
        .set(customer.auth)
        .send({ product_id: product.id, quantity });
    for (const quantity of [0, -1, 4]) {
      const response = await add(quantity);
      assert.equal(response.status, 422, String(quantity));
      assert.ok(response.body.errors.quantity);
    }
    await addToCart(t.app, customer, product.id, 2);
    assert.equal((await add(2)).status, 422, '2 + 2 is more than the 3 in stock');
    const [line] = await t.db('cart_items').where({ user_id: customer.id });
    assert.equal(line.quantity, 2);
  });

  test('when PATCH sets a quantity, then it is stored; 0 removes the line; more than the stock is 422', async () => {
    const { customer, product } = await setUp();
    await addToCart(t.app, customer, product.id);
    const patch = (quantity) =>
      request(t.app).patch(`/api/cart/items/${product.id}`).set(customer.auth).send({ quantity });
    assert.equal((await patch(4)).body.items[0].quantity, 4);
    assert.equal((await patch(6)).status, 422);
    assert.deepEqual((await patch(0)).body.items, []);
    assert.equal((await patch(1)).status, 404, 'no longer in the cart');
  });

  test('when DELETE removes a line, then it is 204 and the line is gone', async () => {
    const { customer, product } = await setUp();
    await addToCart(t.app, customer, product.id);
    const response = await request(t.app)
      .delete(`/api/cart/items/${product.id}`)
      .set(customer.auth);
    assert.equal(response.status, 204);
    assert.equal((await t.db('cart_items').where({ user_id: customer.id })).length, 0);
  });

  test("when two customers shop, then neither sees the other's cart", async () => {
    const { customer, product } = await setUp();
    const other = await createCustomer(t.app);
    await addToCart(t.app, customer, product.id);
    assert.deepEqual((await request(t.app).get('/api/cart').set(other.auth)).body.items, []);
  });
});
