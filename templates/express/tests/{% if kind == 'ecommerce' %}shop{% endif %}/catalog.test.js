import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import request from 'supertest';

import { seedCatalog } from '../../src/shop/catalog/catalog.service.js';
import { createAdmin, createCategory, createCustomer, createProduct, unique } from './factories.js';
import { countRows, useTestApp } from '../helpers.js';

const t = useTestApp();

describe('categories', () => {
  test('when an admin adds one without a slug, then the slug comes from the name and anyone lists it', async () => {
    const admin = await createAdmin(t.app);
    const response = await request(t.app)
      .post('/api/categories')
      .set(admin.auth)
      .send({ name: 'Café & Books' });
    assert.equal(response.status, 201);
    assert.equal(response.body.slug, 'cafe-books');
    const listed = await request(t.app).get('/api/categories');
    assert.deepEqual(listed.body, [response.body]);
  });

  test('when an admin renames one and deletes it, then it is 200, then 204 and gone', async () => {
    const admin = await createAdmin(t.app);
    const category = await createCategory(t.app, admin, { slug: 'chosen' });
    const renamed = await request(t.app)
      .patch(`/api/categories/${category.id}`)
      .set(admin.auth)
      .send({ name: 'Renamed' });
    assert.deepEqual(renamed.body, { id: category.id, name: 'Renamed', slug: 'chosen' });
    const deleted = await request(t.app).delete(`/api/categories/${category.id}`).set(admin.auth);
    assert.equal(deleted.status, 204);
    assert.equal(await countRows('categories'), 0);
  });

  test('when the slug is taken, then it is 409', async () => {
    const admin = await createAdmin(t.app);
    await createCategory(t.app, admin, { slug: 'books' });
    const response = await request(t.app)
      .post('/api/categories')
      .set(admin.auth)
      .send({ name: 'Books', slug: 'books' });
    assert.equal(response.status, 409);
  });

  test('when a category still has products, then deleting it is 409', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin);
    const response = await request(t.app)
      .delete(`/api/categories/${product.category.id}`)
      .set(admin.auth);
    assert.equal(response.status, 409);
  });

  test('when the category does not exist or the id is malformed, then it is 404 or 422', async () => {
    const admin = await createAdmin(t.app);
    const missing = await request(t.app).patch('/api/categories/999').set(admin.auth).send({});
    assert.equal(missing.status, 404);
    const malformed = await request(t.app).delete('/api/categories/abc').set(admin.auth);
    assert.equal(malformed.status, 422);
  });
});

describe('catalogue writes', () => {
  test('when an anonymous caller or a customer writes, then it is 401 or 403 and nothing changes', async () => {
    const admin = await createAdmin(t.app);
    const customer = await createCustomer(t.app);
    const product = await createProduct(t.app, admin, { price_cents: 777 });
    const writes = [
      ['post', '/api/categories', { name: 'Nope' }],
      ['patch', `/api/categories/${product.category.id}`, { name: 'Nope' }],
      ['delete', `/api/categories/${product.category.id}`],
      ['post', '/api/products', { name: 'Nope' }],
      ['patch', `/api/products/${product.id}`, { price_cents: 1 }],
      ['delete', `/api/products/${product.id}`],
    ];
    for (const [method, path, body] of writes) {
      assert.equal((await request(t.app)[method](path).send(body)).status, 401, path);
      const asCustomer = await request(t.app)[method](path).set(customer.auth).send(body);
      assert.equal(asCustomer.status, 403, `${method} ${path}`);
    }
    const stored = await t.db('products').where({ id: product.id }).first();
    assert.equal(stored.price_cents, 777);
    assert.equal(await countRows('categories'), 1);
  });
});

describe('products', () => {
  test('when an admin adds one, then it is 201 and anyone reads it with its category', async () => {
    const admin = await createAdmin(t.app);
    const category = await createCategory(t.app, admin);
    const body = {
      name: 'Blue Mug',
      description: 'Holds coffee.',
      price_cents: 1250,
      currency: 'EUR',
      stock: 3,
      category_id: category.id,
      image_url: 'https://example.com/mug.png',
    };
    const created = await request(t.app).post('/api/products').set(admin.auth).send(body);
    assert.equal(created.status, 201);
    const read = await request(t.app).get(`/api/products/${created.body.id}`);
    assert.deepEqual(read.body, created.body);
    assert.equal(read.body.slug, 'blue-mug');
    assert.deepEqual(read.body.category, category);
    assert.match(read.body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const again = await createProduct(t.app, admin, { name: 'Blue Mug' });
    assert.equal(again.slug, 'blue-mug-2', 'a second product of that name gets its own slug');
  });

  test('when a price or stock is negative, the category unknown or the currency another, then it is 422 naming the field', async () => {
    const admin = await createAdmin(t.app);
    const category = await createCategory(t.app, admin);
    const valid = {
      name: 'X',
      price_cents: 100,
      currency: 'EUR',
      stock: 1,
      category_id: category.id,
    };
    for (const [change, field] of [
      [{ price_cents: -1 }, 'price_cents'],
      [{ stock: -1 }, 'stock'],
      [{ price_cents: 1.5 }, 'price_cents'],
      [{ category_id: 999 }, 'category_id'],
      [{ currency: 'USD' }, 'currency'],
      [{ image_url: 'javascript:alert(1)' }, 'image_url'],
    ]) {
      const response = await request(t.app)
        .post('/api/products')
        .set(admin.auth)
        .send({ ...valid, ...change });
      assert.equal(response.status, 422, JSON.stringify(change));
      assert.ok(response.body.errors[field], JSON.stringify(response.body));
    }
    assert.equal(await countRows('products'), 0);
  });

  test('when an admin patches fields, then only those change; a negative stock is 422', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin);
    const other = await createCategory(t.app, admin);
    const response = await request(t.app)
      .patch(`/api/products/${product.id}`)
      .set(admin.auth)
      .send({ price_cents: 4321, category_id: other.id, image_url: null });
    assert.equal(response.status, 200);
    assert.equal(response.body.price_cents, 4321);
    assert.deepEqual(response.body.category, other);
    assert.equal(response.body.name, product.name);
    const negative = await request(t.app)
      .patch(`/api/products/${product.id}`)
      .set(admin.auth)
      .send({ stock: -5 });
    assert.equal(negative.status, 422);
    const missing = await request(t.app)
      .patch('/api/products/999')
      .set(admin.auth)
      .send({ stock: 1 });
    assert.equal(missing.status, 404);
  });

  test('when an admin deletes one, then it is 204 and reading it is 404', async () => {
    const admin = await createAdmin(t.app);
    const product = await createProduct(t.app, admin);
    assert.equal(
      (await request(t.app).delete(`/api/products/${product.id}`).set(admin.auth)).status,
      204,
    );
    assert.equal((await request(t.app).get(`/api/products/${product.id}`)).status, 404);
  });
});

describe('GET /api/products', () => {
  /** Four products in one category, made in this order. */
  async function shelf() {
    const admin = await createAdmin(t.app);
    const category = await createCategory(t.app, admin);
    const word = unique('zq');
    const make = (overrides) =>
      createProduct(t.app, admin, { category_id: category.id, ...overrides });
    await make({ name: `Cherry ${word}`, price_cents: 300, stock: 0 });
    await make({ name: `apple ${word.toUpperCase()}`, price_cents: 100, stock: 5 });
    await make({ name: 'Banana', description: `ripe ${word}`, price_cents: 200, stock: 2 });
    await make({ name: 'Date', price_cents: 400, stock: 1 });
    return { slug: category.slug, word };
  }

  const names = (body) => body.items.map((item) => item.name.split(' ')[0]);
  const list = async (query) => {
    const response = await request(t.app).get('/api/products').query(query);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  };

  test('when nothing is asked, then it is the newest first, with the page details', async () => {
    await shelf();
    const page = await list({});
    assert.deepEqual(names(page), ['Date', 'Banana', 'apple', 'Cherry']);
    assert.deepEqual([page.total, page.page, page.page_size], [4, 1, 20]);
  });

  test('when searching, then name and description match, ignoring case', async () => {
    const { word } = await shelf();
    assert.deepEqual(names(await list({ search: word.toUpperCase(), sort: 'name' })).sort(), [
      'Banana',
      'Cherry',
      'apple',
    ]);
  });

  test('when the search has % or _, then they match literally', async () => {
    const admin = await createAdmin(t.app);
    await createProduct(t.app, admin, { name: 'Beans 50% off' });
    await createProduct(t.app, admin, { name: 'Beans 500 g' });
    assert.equal((await list({ search: '50%' })).total, 1);
    assert.equal((await list({ search: 'Beans_' })).total, 0);
  });

  test('when filtering by category, price and stock, then only those match', async () => {
    const { slug } = await shelf();
    assert.equal((await list({ category: slug })).total, 4);
    assert.equal((await list({ category: 'no-such-category' })).total, 0);
    assert.deepEqual(names(await list({ min_price: 200, max_price: 300, sort: 'price' })), [
      'Banana',
      'Cherry',
    ]);
    assert.deepEqual(names(await list({ in_stock: 'false' })), ['Cherry']);
    assert.equal((await list({ in_stock: 'true' })).total, 3);
  });

  test('when sorting and paging, then the order and the pages follow', async () => {
    await shelf();
    assert.deepEqual(names(await list({ sort: '-price' })), ['Date', 'Cherry', 'Banana', 'apple']);
    const second = await list({ sort: 'price', page: 2, page_size: 3 });
    assert.deepEqual(names(second), ['Date']);
    assert.deepEqual([second.total, second.page, second.page_size], [4, 2, 3]);
  });

  test('when a query value is malformed, then it is 422 naming it', async () => {
    for (const [query, field] of [
      [{ page: 0 }, 'page'],
      [{ page_size: 101 }, 'page_size'],
      [{ min_price: 'cheap' }, 'min_price'],
      [{ in_stock: 'maybe' }, 'in_stock'],
      [{ sort: 'popularity' }, 'sort'],
      [{ min_price: 500, max_price: 100 }, 'min_price'],
    ]) {
      const response = await request(t.app).get('/api/products').query(query);
      assert.equal(response.status, 422, JSON.stringify(query));
      assert.ok(response.body.errors[field], JSON.stringify(response.body));
    }
  });
});

describe('seedCatalog (make seed)', () => {
  test('when run twice, then the second run adds nothing', async () => {
    const data = {
      categories: [{ name: 'Books', slug: 'books' }],
      products: [{ name: 'A Book', category: 'books', price_cents: 100, stock: 2 }],
    };
    assert.deepEqual(await seedCatalog(data), { categories: 1, products: 1 });
    assert.deepEqual(await seedCatalog(data), { categories: 0, products: 0 });
    const [product] = (await request(t.app).get('/api/products')).body.items;
    assert.deepEqual(
      [product.name, product.currency, product.category.slug],
      ['A Book', 'EUR', 'books'],
    );
  });
});
