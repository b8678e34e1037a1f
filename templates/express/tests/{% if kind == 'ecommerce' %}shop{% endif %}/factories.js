// Test data, made fresh for each test through the API itself, with unique names.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { createAdmin as makeAdmin } from '../../src/shop/accounts/accounts.service.js';
import { db } from '../../src/lib/db.js';

let counter = 0;
export const PASSWORD = 'correct-horse-battery';
export const ADDRESS = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Street',
  city: 'London',
  postal_code: 'N1 9GU',
  country: 'GB',
};

export function unique(prefix) {
  counter += 1;
  return `${prefix}${process.pid}x${counter}`;
}

function expectStatus(response, status) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  return response.body;
}

async function signIn(app, email) {
  const body = expectStatus(
    await request(app).post('/api/auth/login').send({ email, password: PASSWORD }),
    200,
  );
  return { ...body.user, token: body.token, auth: { Authorization: `Bearer ${body.token}` } };
}

/** Register a customer; returns the account, its token and the header that carries it. */
export async function createCustomer(app, name = 'Customer') {
  const email = `${unique(name.toLowerCase())}@example.com`;
  const body = expectStatus(
    await request(app).post('/api/auth/register').send({ email, password: PASSWORD, name }),
    201,
  );
  return { ...body.user, token: body.token, auth: { Authorization: `Bearer ${body.token}` } };
}

/** An admin, made the way `make create-admin` makes one (never through the API). */
export async function createAdmin(app) {
  const email = `${unique('admin')}@example.com`;
  await makeAdmin({ email, password: PASSWORD });
  return signIn(app, email);
}

export async function createCategory(app, admin, overrides = {}) {
  const category = { name: unique('Category '), ...overrides };
  return expectStatus(
    await request(app).post('/api/categories').set(admin.auth).send(category),
    201,
  );
}

export async function createProduct(app, admin, overrides = {}) {
  const product = {
    name: unique('Product '),
    description: 'A fine product.',
    price_cents: 1000,
    currency: 'EUR',
    stock: 10,
    ...overrides,
  };
  product.category_id ??= (await createCategory(app, admin)).id;
  return expectStatus(await request(app).post('/api/products').set(admin.auth).send(product), 201);
}

export async function addToCart(app, user, productId, quantity = 1) {
  return expectStatus(
    await request(app)
      .post('/api/cart/items')
      .set(user.auth)
      .send({ product_id: productId, quantity }),
    200,
  );
}

export function checkout(app, user, key = randomUUID(), address = ADDRESS) {
  return request(app)
    .post('/api/orders')
    .set(user.auth)
    .set('Idempotency-Key', key)
    .send({ shipping_address: address });
}

export async function placeOrder(app, user, productId, quantity = 1) {
  await addToCart(app, user, productId, quantity);
  return expectStatus(await checkout(app, user), 201);
}

export function pay(app, user, orderId, token = 'tok_visa', key = randomUUID()) {
  return request(app)
    .post(`/api/orders/${orderId}/pay`)
    .set(user.auth)
    .set('Idempotency-Key', key)
    .send({ payment_token: token });
}

export async function paidOrder(app, user, productId, quantity = 1) {
  const order = await placeOrder(app, user, productId, quantity);
  return expectStatus(await pay(app, user, order.id), 200);
}

/** The product's stock as stored. */
export async function stockOf(productId) {
  return (await db('products').where({ id: productId }).first('stock')).stock;
}
