// Apply the database migrations: `make migrate` (and `make run`, which migrates first).
import { db, migrate } from '../src/lib/db.js';

try {
  const applied = await migrate();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await db.destroy();
}
