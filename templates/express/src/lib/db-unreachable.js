// One line instead of a stack trace when no PostgreSQL server answers at DATABASE_URL.
//
// A server that is not running is the most common first-day problem. This module
// imports nothing of the app, so the test runner can use it before any test starts.

// Errors that mean nobody answered at that address (the server sent nothing back).
const NO_ANSWER = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** The line to print when `error` means no server answered at `url`, else null. */
export function unreachableMessage(error, url) {
  if (!/^postgres(ql)?:\/\//.test(url) || !NO_ANSWER.has(error?.code)) return null;
  const { hostname, port } = new URL(url);
  return (
    `cannot reach PostgreSQL at ${hostname || 'localhost'}:${port || 5432}: ` +
    'start it with `docker compose up -d db`, or set DATABASE_URL to a server that is running'
  );
}

/** Connect once to `url` (PostgreSQL only): the line above when nobody answers, else null. */
export async function checkReachable(url) {
  if (!/^postgres(ql)?:\/\//.test(url)) return null;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return null;
  } catch (error) {
    // An error the server sent (a wrong password, a missing database) is left for the
    // command itself to report.
    return unreachableMessage(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}
