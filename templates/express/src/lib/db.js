// The database connection (Knex), for SQLite and PostgreSQL alike.
//
// DATABASE_URL picks the database:
//   sqlite:///./app.db, sqlite:////tmp/app.db or a plain path   -> a SQLite file
//   postgresql://user:password@host:5432/name (or postgres://)   -> PostgreSQL
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import knex from 'knex';
import BetterSqliteClient from 'knex/lib/dialects/better-sqlite3/index.js';
import PostgresClient from 'knex/lib/dialects/postgres/index.js';
import client from 'prom-client';

import { config } from './config.js';
import { registry } from './metrics.js';

const MIGRATIONS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'migrations',
);

/**
 * migrations/ and the folders in it (one for the tables of the app's own part). Knex runs
 * the migrations of all of them in the order of their file names, whatever their folder.
 */
function migrationFolders() {
  const folders = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(MIGRATIONS, entry.name));
  return [MIGRATIONS, ...folders];
}

/** The SQLite file name of a `sqlite://` URL or a plain path; null for PostgreSQL. */
export function sqliteFilename(url) {
  if (/^postgres(ql)?:\/\//.test(url)) return null;
  if (url.startsWith('sqlite:')) {
    // sqlite:///relative.db -> relative.db, sqlite:////absolute.db -> /absolute.db
    const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return rest.startsWith('/') ? rest.slice(1) || ':memory:' : rest || ':memory:';
  }
  return url;
}

/** Knex's settings for a DATABASE_URL. */
export function knexConfig(url) {
  const migrations = { directory: migrationFolders(), loadExtensions: ['.js'] };
  const filename = sqliteFilename(url);
  if (filename === null) {
    return { client: 'pg', connection: url, pool: { min: 0, max: 10 }, migrations };
  }
  return {
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    // better-sqlite3 is synchronous: one connection per process is the fastest, and it
    // makes the transactions of this process run one after the other.
    pool: {
      min: 1,
      max: 1,
      afterCreate(connection, done) {
        // WAL lets readers go on while one writer writes (and with it, synchronous=NORMAL
        // is safe and much faster); foreign keys are off by default in SQLite; and a
        // writer waits up to 5 s for another (in another process) instead of failing at
        // once with "database is locked".
        connection.pragma('journal_mode = WAL');
        connection.pragma('synchronous = NORMAL');
        connection.pragma('foreign_keys = ON');
        connection.pragma('busy_timeout = 5000');
        done(null, connection);
      },
    },
    migrations,
  };
}

const queryDuration = new client.Histogram({
  name: 'db_query_duration_seconds',
  help: 'SQL statements in seconds, from sending one to its answer or error',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

const DIALECTS = { pg: PostgresClient, 'better-sqlite3': BetterSqliteClient };

/**
 * Knex's client for `name`, with every statement timed at /metrics. `_query` is where
 * each statement meets the driver, transactions' BEGIN and COMMIT included (Knex's
 * 'query-response' event never fires for those), and transactions build their client
 * from this class, so this is the one place that sees them all.
 */
function timedClient(name) {
  return class TimedClient extends DIALECTS[name] {
    async _query(connection, query) {
      const stopTimer = queryDuration.startTimer();
      try {
        return await super._query(connection, query);
      } finally {
        stopTimer();
      }
    }
  };
}

/**
 * A Knex instance for `url`, its statements timed at /metrics. On SQLite, write
 * transactions start with BEGIN IMMEDIATE.
 */
export function createDb(url) {
  const settings = knexConfig(url);
  const db = knex({ ...settings, client: timedClient(settings.client) });
  if (db.client.driverName === 'better-sqlite3') {
    // Knex opens SQLite transactions with a plain (deferred) BEGIN: two of them that
    // both read and then write deadlock, and one fails with "database is locked".
    // BEGIN IMMEDIATE takes the write lock up front, so the other one simply waits
    // (busy_timeout). Every transaction of this app writes, so all of them use it.
    const makeTransaction = db.client.transaction.bind(db.client);
    db.client.transaction = (...args) => {
      const transaction = makeTransaction(...args);
      transaction.begin = (connection) => transaction.query(connection, 'BEGIN IMMEDIATE;');
      return transaction;
    };
  }
  return db;
}

export const db = createDb(config.databaseUrl);

export const isSqlite = db.client.driverName === 'better-sqlite3';

/** Apply every migration that has not run yet; returns the names of those it ran. */
export async function migrate(database = db) {
  const [, applied] = await database.migrate.latest();
  return applied;
}

/** True when `error` is a broken UNIQUE constraint (two requests racing for one name). */
export function isUniqueViolation(error) {
  return error?.code === '23505' || error?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True when `error` is a broken FOREIGN KEY: the row it refers to is gone. */
export function isForeignKeyViolation(error) {
  return error?.code === '23503' || error?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * True when `error` is SQLite's "database is locked": another connection (another
 * process: `make seed`, a second copy) held the write lock past the busy timeout.
 */
export function isBusy(error) {
  return typeof error?.code === 'string' && error.code.startsWith('SQLITE_BUSY');
}

/** A timestamp column's value (a Date on PostgreSQL, milliseconds on SQLite) as ISO 8601. */
export function toIsoString(value) {
  return new Date(value).toISOString();
}
