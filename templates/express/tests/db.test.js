import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { countQueries, useTestApp } from './helpers.js';

const t = useTestApp();

describe('the database', () => {
  test('when migrated, then every foreign key column has an index', async () => {
    const missing = [];
    if (t.db.client.driverName === 'better-sqlite3') {
      const tables = await t.db.raw(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'knex_%' AND name NOT LIKE 'sqlite_%'",
      );
      for (const { name } of tables) {
        const keys = await t.db.raw(`PRAGMA foreign_key_list("${name}")`);
        const indexes = await t.db.raw(`PRAGMA index_list("${name}")`);
        const leading = [];
        for (const index of indexes) {
          const [first] = await t.db.raw(`PRAGMA index_info("${index.name}")`);
          leading.push(first.name);
        }
        for (const key of keys)
          if (!leading.includes(key.from)) missing.push(`${name}.${key.from}`);
      }
    } else {
      const { rows } = await t.db.raw(`
        SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
          AND NOT EXISTS (
            SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1]
          )`);
      for (const row of rows) missing.push(`${row.table_name}.${row.column_name}`);
    }
    assert.deepEqual(missing, []);
  });

  test('when a transaction writes on SQLite, then it starts with BEGIN IMMEDIATE', async (context) => {
    if (t.db.client.driverName !== 'better-sqlite3') return context.skip('SQLite only');
    const statements = [];
    const listener = (query) => statements.push(query.sql);
    t.db.on('query', listener);
    try {
      await t.db.transaction((trx) => trx.raw('SELECT 1'));
    } finally {
      t.db.off('query', listener);
    }
    assert.equal(statements[0], 'BEGIN IMMEDIATE;');
  });

  test('when counting queries, then each statement counts once', async () => {
    const count = await countQueries(async () => {
      await t.db.raw('SELECT 1');
      await t.db.raw('SELECT 2');
    });
    assert.equal(count, 2);
  });
});
