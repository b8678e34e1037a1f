{#- The shop's tables in PostgreSQL, included by the first migration of each framework
    that writes its schema in SQL (Go, Spring Boot): one schema, whatever the migration tool. -#}
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Stored lower-case; UNIQUE also indexes it for sign-in.
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'customer' CHECK (role IN ('customer', 'admin')),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE categories (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    -- ?category=<slug> finds categories by slug: UNIQUE, so indexed.
    slug TEXT NOT NULL UNIQUE
);

CREATE TABLE products (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    -- Money is a whole number of cents: floats cannot hold 0.10 exactly.
    price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
    currency TEXT NOT NULL,
    stock BIGINT NOT NULL CHECK (stock >= 0),
    -- RESTRICT: a category that still has products cannot be deleted by accident.
    category_id BIGINT NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
    image_url TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX products_category_id_idx ON products (category_id);
-- The list's sorts, each with the id that breaks ties.
CREATE INDEX products_created_at_idx ON products (created_at, id);
CREATE INDEX products_price_cents_idx ON products (price_cents, id);
CREATE INDEX products_name_idx ON products (name, id);
CREATE INDEX products_stock_idx ON products (stock);

CREATE TABLE cart_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    product_id BIGINT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    added_at TIMESTAMPTZ NOT NULL,
    -- One line per product; the constraint's index (user_id first) also serves
    -- "this user's cart".
    UNIQUE (user_id, product_id)
);
CREATE INDEX cart_items_product_id_idx ON cart_items (product_id);

CREATE TABLE orders (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL
        CHECK (status IN ('pending_payment', 'paid', 'shipped', 'cancelled', 'refunded')),
    total_cents BIGINT NOT NULL,
    currency TEXT NOT NULL,
    shipping_address TEXT NOT NULL,
    -- Set while a charge is with the provider, so that a second payment is refused (409).
    payment_started_at TIMESTAMPTZ,
    -- The provider's charge id, needed to refund it.
    payment_id TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
-- "My orders, newest first" and "unpaid orders older than the hold": one index each.
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at, id);
CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);

CREATE TABLE order_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- SET NULL: deleting a product keeps the orders that sold it.
    product_id BIGINT REFERENCES products (id) ON DELETE SET NULL,
    -- Copied at checkout: later catalogue changes do not change what was bought.
    name TEXT NOT NULL,
    unit_price_cents BIGINT NOT NULL,
    quantity BIGINT NOT NULL
);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);

CREATE TABLE idempotency_keys (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    -- A hash of method, path and body: the same key with another request is refused.
    fingerprint TEXT NOT NULL,
    -- Null while the first request is still running.
    status_code INTEGER,
    content_type TEXT,
    body TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    -- A key belongs to its user: two customers may pick the same one.
    UNIQUE (user_id, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);

CREATE TABLE webhook_events (
    -- The provider's own event id: a replayed event is a duplicate that the
    -- primary key refuses, even when two copies arrive at the same moment.
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_events_received_at_idx ON webhook_events (received_at);
