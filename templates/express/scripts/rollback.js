// Undo the last migration that ran (its down()): `make rollback`.
import { config } from '../src/lib/config.js';
import { db } from '../src/lib/db.js';
import { exitIfUnusable } from '../src/lib/db-problem.js';

// PostgreSQL not running or refusing us: one line saying so, not a stack trace.
await exitIfUnusable(config.databaseUrl, () => db.destroy());

try {
  const [, undone] = await db.migrate.down();
  console.log(undone.length ? `Undone: ${undone.join(', ')}` : 'No migration to undo.');
} finally {
  await db.destroy();
}
