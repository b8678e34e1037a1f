// Apply the database migrations: `make migrate` (and `make run`, which migrates first).
import { config } from '../src/lib/config.js';
import { db, migrate } from '../src/lib/db.js';
import { exitIfUnusable } from '../src/lib/db-problem.js';

// PostgreSQL not running or refusing us: one line saying so, not a stack trace.
await exitIfUnusable(config.databaseUrl, () => db.destroy());

try {
  const applied = await migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.destroy();
}
