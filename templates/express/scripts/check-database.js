// `npm test` runs this first (npm's "pretest" script): when PostgreSQL at DATABASE_URL
// is not running or refuses us, one line and exit status 1, instead of the same
// connection error in every test file. The tests read DATABASE_URL from the
// environment only, never .env.
import { exitIfUnusable } from '../src/lib/db-problem.js';

await exitIfUnusable(process.env.DATABASE_URL ?? '');
