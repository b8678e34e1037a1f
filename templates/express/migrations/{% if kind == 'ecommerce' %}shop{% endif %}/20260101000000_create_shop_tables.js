// The shop's tables: users, categories, products, cart_items, orders, order_items,
// idempotency_keys and webhook_events. Indexes cover every foreign key and every
// column the API filters or sorts by; CHECK constraints make the database itself
// refuse a negative price, stock or quantity, whatever the code does.
// A migration never changes once it has run somewhere: write a new one instead
// (`make migration name=add_product_weight`).

export async function up(knex) {
  await knex.schema.createTable('users', (table) => {
    table.increments('id');
    // Stored lower-case; unique, which also indexes it for sign-in.
    table.string('email', 254).notNullable().unique();
    table.string('name', 100).notNullable();
    table.string('password_hash', 255).notNullable();
    table.string('role', 20).notNullable().defaultTo('customer');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.check("?? in ('customer', 'admin')", ['role'], 'users_role_known');
  });

  await knex.schema.createTable('categories', (table) => {
    table.increments('id');
    table.string('name', 100).notNullable();
    // ?category=<slug> looks categories up by slug: unique, so indexed.
    table.string('slug', 120).notNullable().unique();
  });

  await knex.schema.createTable('products', (table) => {
    table.increments('id');
    table.string('name', 200).notNullable().index();
    table.string('slug', 255).notNullable().unique();
    table.text('description').notNullable().defaultTo('');
    // Money is an integer number of cents: floats cannot hold 0.10 exactly.
    table.integer('price_cents').notNullable().index();
    table.string('currency', 3).notNullable();
    table.integer('stock').notNullable().index();
    // RESTRICT: a category that still has products cannot be deleted by accident.
    table
      .integer('category_id')
      .unsigned()
      .notNullable()
      .references('categories.id')
      .onDelete('RESTRICT')
      .index();
    table.string('image_url', 2048);
    table.timestamp('created_at', { useTz: true }).notNullable().index();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.check('?? >= 0', ['stock'], 'products_stock_not_negative');
    table.check('?? >= 0', ['price_cents'], 'products_price_not_negative');
  });

  await knex.schema.createTable('cart_items', (table) => {
    table.increments('id');
    table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table
      .integer('product_id')
      .unsigned()
      .notNullable()
      .references('products.id')
      .onDelete('CASCADE')
      .index();
    table.integer('quantity').notNullable();
    table.timestamp('added_at', { useTz: true }).notNullable();
    // One line per product: adding it again raises the quantity. The constraint's index
    // (user_id first) also serves "this user's cart".
    table.unique(['user_id', 'product_id']);
    table.check('?? > 0', ['quantity'], 'cart_items_quantity_positive');
  });

  await knex.schema.createTable('orders', (table) => {
    table.increments('id');
    table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table.string('status', 20).notNullable();
    table.integer('total_cents').notNullable();
    table.string('currency', 3).notNullable();
    table.json('shipping_address').notNullable();
    // Set while a charge is with the provider, so that a second payment is refused (409).
    table.timestamp('payment_started_at', { useTz: true });
    // The provider's charge id, needed to refund it.
    table.string('payment_id', 255);
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    // "My orders, newest first" and "unpaid orders older than the hold": one index each.
    table.index(['user_id', 'created_at']);
    table.index(['status', 'created_at']);
    table.check(
      "?? in ('pending_payment', 'paid', 'shipped', 'cancelled', 'refunded')",
      ['status'],
      'orders_status_known',
    );
  });

  await knex.schema.createTable('order_items', (table) => {
    table.increments('id');
    table
      .integer('order_id')
      .unsigned()
      .notNullable()
      .references('orders.id')
      .onDelete('CASCADE')
      .index();
    // SET NULL: deleting a product from the catalogue keeps the orders that sold it.
    table.integer('product_id').unsigned().references('products.id').onDelete('SET NULL').index();
    // Copied at checkout: later catalogue changes do not change what was bought.
    table.string('name', 200).notNullable();
    table.integer('unit_price_cents').notNullable();
    table.integer('quantity').notNullable();
  });

  await knex.schema.createTable('idempotency_keys', (table) => {
    table.increments('id');
    table.integer('user_id').unsigned().notNullable().references('users.id').onDelete('CASCADE');
    table.string('key', 255).notNullable();
    // A hash of method, path and body: the same key with another request is refused.
    table.string('fingerprint', 64).notNullable();
    // Null while the first request is still running.
    table.integer('status_code');
    table.string('content_type', 100);
    table.text('body');
    table.timestamp('created_at', { useTz: true }).notNullable();
    // A key belongs to its user: two customers may happen to pick the same one.
    table.unique(['user_id', 'key']);
  });

  await knex.schema.createTable('webhook_events', (table) => {
    // The provider's own event id: the primary key makes a replayed event a duplicate
    // that the database refuses, even when two copies arrive at the same moment.
    table.string('id', 255).primary();
    table.string('type', 100).notNullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
  });
}

export async function down(knex) {
  for (const table of [
    'webhook_events',
    'idempotency_keys',
    'order_items',
    'orders',
    'cart_items',
    'products',
    'categories',
    'users',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
