// Loaded before each test file (`npm test` runs `node --import ./tests/setup.js --test`),
// before any module of the app reads its settings. Each test file runs in its own process
// with its own database, so the files can run in parallel:
//   - SQLite (the default): a fresh file in a temporary folder;
//   - PostgreSQL (DATABASE_URL=postgresql://...): a fresh schema in that database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Only the test files' processes, not the runner that starts them (NODE_TEST_CONTEXT).
if (process.env.NODE_TEST_CONTEXT) {
  process.env.APP_ENV = 'test';
  const url = process.env.DATABASE_URL ?? '';
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Every connection of this process works in its own schema: helpers.js creates it
    // before the first test of the file and drops it after the last.
    const schema = `test_${process.pid}_${Date.now().toString(36)}`;
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    process.env.DATABASE_URL = scoped.toString();
    process.env.TEST_DATABASE_SCHEMA = schema;
    process.env.TEST_DATABASE_ADMIN_URL = url;
  } else {
    const folder = mkdtempSync(path.join(tmpdir(), 'app-test-'));
    process.env.DATABASE_URL = `sqlite:///${path.join(folder, 'test.db')}`;
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
}
