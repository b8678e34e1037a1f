// What every test file shares: the app on a fresh database, and a query counter.
//
//   import { useTestApp } from '../helpers.js';
//   const t = useTestApp();                      // registers before/after hooks
//   test('...', async () => { await request(t.app).get('/health') });
import { after, before, beforeEach } from 'node:test';

import { createApp } from '../src/app.js';
import { db, isSqlite, migrate } from '../src/lib/db.js';

/** Delete every row of every table (not the migrations' own), for a clean start. */
export async function emptyDatabase() {
  if (isSqlite) {
    const rows = await db.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'knex_%' AND name NOT LIKE 'sqlite_%'",
    );
    await db.raw('PRAGMA foreign_keys = OFF');
    for (const { name } of rows) await db(name).delete();
    await db.raw('PRAGMA foreign_keys = ON');
  } else {
    const { rows } = await db.raw(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE 'knex_%'",
    );
    const names = rows.map((row) => `"${row.tablename}"`).join(', ');
    if (names) await db.raw(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
  }
}

/** On PostgreSQL, run `sql` on the schema that setup.js chose for this file. */
async function onTestSchema(sql) {
  const schema = process.env.TEST_DATABASE_SCHEMA;
  if (!schema) return;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql.replace('$schema', schema));
  } finally {
    await client.end();
  }
}

async function openDatabase() {
  await onTestSchema('CREATE SCHEMA IF NOT EXISTS $schema');
  await migrate();
}

async function closeDatabase() {
  await db.destroy();
  await onTestSchema('DROP SCHEMA IF EXISTS $schema CASCADE');
}

/**
 * The app on a migrated, empty database, for the tests of one file.
 * `reset` runs before each test, after the database is emptied (e.g. clear a limiter).
 */
export function useTestApp({ reset } = {}) {
  const context = { app: createApp(), db };
  before(openDatabase);
  beforeEach(async () => {
    await emptyDatabase();
    await reset?.();
  });
  after(closeDatabase);
  return context;
}

/** How many SQL queries `work` runs. */
export async function countQueries(work) {
  let count = 0;
  const listener = () => (count += 1);
  db.on('query', listener);
  try {
    await work();
  } finally {
    db.off('query', listener);
  }
  return count;
}

/** The number of rows in `table` (a number on every database). */
export async function countRows(table, where = {}) {
  const [{ count }] = await db(table).where(where).count({ count: '*' });
  return Number(count);
}
