-- Undoes V20260101000000__shop_tables.sql (make rollback): the shop's tables, children first.
DROP TABLE webhook_events;
DROP TABLE idempotency_keys;
DROP TABLE order_items;
DROP TABLE orders;
DROP TABLE cart_items;
DROP TABLE products;
DROP TABLE categories;
DROP TABLE users;
