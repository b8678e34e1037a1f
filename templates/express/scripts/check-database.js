// `npm test` runs this first (npm's "pretest" script): with no PostgreSQL server at
// DATABASE_URL, one line and exit status 1, instead of the same connection error in
// every test file. The tests read DATABASE_URL from the environment only, never .env.
import { checkReachable } from '../src/lib/db-unreachable.js';

const message = await checkReachable(process.env.DATABASE_URL ?? '');
if (message) {
  console.error(message);
  process.exit(1);
}
