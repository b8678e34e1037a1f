// Stock never goes below zero, even when many customers buy the last items at the same
// moment, and a cart counts every add, even those sent at once: real concurrent HTTP
// requests against a listening server, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import {
  ADDRESS,
  addToCart,
  createAdmin,
  createCategory,
  createCustomer,
  createProduct,
  stockOf,
} from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();
let server;
let baseUrl;

before(async () => {
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

/** POST /api/orders for this customer with a fresh Idempotency-Key; resolves to the status. */
async function checkout(customer) {
  const response = await fetch(`${baseUrl}/api/orders`, {
    method: 'POST',
    headers: {
      ...customer.auth,
      'Content-Type': 'application/json',
      'Idempotency-Key': randomUUID(),
    },
    body: JSON.stringify({ shipping_address: ADDRESS }),
  });
  await response.arrayBuffer();
  return response.status;
}

/** One cart request for this customer; resolves to the status. */
async function cartRequest(customer, method, path, body) {
  const response = await fetch(`${baseUrl}/api/cart/items${path}`, {
    method,
    headers: { ...customer.auth, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('concurrent catalogue changes', () => {
  test('when 20 products of one name are saved at once, then each gets a slug of its own', async () => {
    const admin = await createAdmin(t.app);
    const category = await createCategory(t.app, admin);
    const saveOne = async () => {
      const response = await fetch(`${baseUrl}/api/products`, {
        method: 'POST',
        headers: { ...admin.auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'Blue mug',
          description: 'A fine mug.',
          price_cents: 1000,
          currency: 'EUR',
          stock: 1,
          category_id: category.id,
        }),
      });
      return { status: response.status, slug: (await response.json()).slug };
    };

    const saved = await Promise.all(Array.from({ length: 20 }, saveOne));

    assert.deepEqual(
      saved.map(({ status }) => status),
      Array(20).fill(201),
    );
    assert.equal(new Set(saved.map(({ slug }) => slug)).size, 20);
  });
});

describe('concurrent cart changes', () => {
  test('when one product is added 10 times at once, then the cart holds 10', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin, { stock: 100 });
    const customer = await createCustomer(t.app, 'Clicker');
    const addOne = () => cartRequest(customer, 'POST', '', { product_id: product.id, quantity: 1 });

    const statuses = await Promise.all(Array.from({ length: 10 }, addOne));

    assert.deepEqual(statuses, Array(10).fill(200));
    const cart = await fetch(`${baseUrl}/api/cart`, { headers: customer.auth });
    assert.equal((await cart.json()).items[0].quantity, 10);
  });

  test('when a product is added and removed at once, then every request succeeds', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin, { stock: 100 });
    const customer = await createCustomer(t.app, 'Undecided');
    const addOrRemove = (_, number) =>
      number % 2
        ? cartRequest(customer, 'DELETE', `/${product.id}`)
        : cartRequest(customer, 'POST', '', { product_id: product.id, quantity: 1 });

    const statuses = await Promise.all(Array.from({ length: 12 }, addOrRemove));

    assert.deepEqual([...new Set(statuses)].sort(), [200, 204]);
  });
});

describe('concurrent checkouts', () => {
  test('when 12 customers check out the last 5 items at once, then exactly 5 get an order and 7 get 409', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin, { stock: 5 });
    const buyers = [];
    for (let i = 0; i < 12; i += 1) buyers.push(await createCustomer(t.app, 'Racer'));
    for (const buyer of buyers) await addToCart(t.app, buyer, product.id, 1);

    const statuses = await Promise.all(buyers.map(checkout));

    assert.deepEqual(statuses.sort(), [...Array(5).fill(201), ...Array(7).fill(409)]);
    assert.equal(await stockOf(product.id), 0);
    assert.equal(await countRows('orders'), 5);
  });

  test('when one cart is checked out from two tabs at once, then it makes one order', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin, { stock: 10 });
    const customer = await createCustomer(t.app, 'Tabs');
    await addToCart(t.app, customer, product.id, 2);

    const statuses = await Promise.all([checkout(customer), checkout(customer)]);

    // The other tab found the cart empty (422) or lost the race for its lines (409).
    statuses.sort();
    assert.equal(statuses[0], 201);
    assert.ok([409, 422].includes(statuses[1]), `statuses: ${statuses}`);
    assert.equal(await stockOf(product.id), 8);
    assert.equal(await countRows('orders'), 1);
  });
});
