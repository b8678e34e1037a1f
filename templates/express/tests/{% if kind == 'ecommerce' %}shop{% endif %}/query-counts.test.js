// No N+1: listing 20 products or orders costs as many queries as listing 1.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { createAdmin, createCustomer, createProduct, placeOrder } from './factories.js';
import { countQueries, useTestApp } from '../helpers.js';

const t = useTestApp();

async function queriesFor(user, path) {
  let response;
  const queries = await countQueries(async () => {
    response = await request(t.app).get(path).set(user.auth);
  });
  assert.equal(response.status, 200);
  return queries;
}

describe('query counts', () => {
  test('when GET /api/products lists 20 products of 20 categories, then it runs as many queries as for 1', async () => {
    const admin = await createAdmin(t.app);
    await createProduct(t.app, admin);
    const one = await queriesFor(admin, '/api/products');
    for (let i = 0; i < 19; i += 1) await createProduct(t.app, admin);
    assert.equal(await queriesFor(admin, '/api/products'), one);
    assert.ok(one <= 2, `${one} queries`);
  });

  test('when GET /api/orders lists 20 orders, then it runs as many queries as for 1', async () => {
    const admin = await createAdmin(t.app);
    const customer = await createCustomer(t.app);
    const product = await createProduct(t.app, admin, { stock: 100 });
    await placeOrder(t.app, customer, product.id);
    const one = await queriesFor(customer, '/api/orders');
    for (let i = 0; i < 19; i += 1) await placeOrder(t.app, customer, product.id);
    assert.equal(await queriesFor(customer, '/api/orders'), one);
  });
});
