// Undo the last migration that ran (its down()): `make rollback`.
import { config } from '../src/lib/config.js';
import { db } from '../src/lib/db.js';
import { checkReachable } from '../src/lib/db-unreachable.js';

// No server at DATABASE_URL: one line naming it, not a stack trace.
const unreachable = await checkReachable(config.databaseUrl);
if (unreachable) {
  console.error(unreachable);
  await db.destroy();
  process.exit(1);
}

try {
  const [, undone] = await db.migrate.down();
  console.log(undone.length ? `Undone: ${undone.join(', ')}` : 'No migration to undo.');
} finally {
  await db.destroy();
}
