// Apply the database migrations: `make migrate` (and `make run`, which migrates first).
import { config } from '../src/lib/config.js';
import { db, migrate } from '../src/lib/db.js';
import { checkReachable } from '../src/lib/db-unreachable.js';

// No server at DATABASE_URL: one line naming it, not a stack trace.
const unreachable = await checkReachable(config.databaseUrl);
if (unreachable) {
  console.error(unreachable);
  await db.destroy();
  process.exit(1);
}

try {
  const applied = await migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.destroy();
}
