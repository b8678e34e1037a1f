// One line instead of a stack trace when PostgreSQL at DATABASE_URL cannot be used.
//
// A server that is not running is the most common first-day problem; a wrong password
// or database name is the second. This module imports nothing of the app, so the test
// runner can use it before any test starts.

// Errors that mean nobody answered at that address (the server sent nothing back).
const NO_ANSWER = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH']);

const isPostgres = (url) => /^postgres(ql)?:\/\//.test(url);

/** The line to print when `error` (from connecting to `url`) means PostgreSQL cannot be used, else null. */
export function connectionProblem(error, url) {
  if (!isPostgres(url)) return null;
  const { hostname, port } = new URL(url);
  const address = `${hostname || 'localhost'}:${port || 5432}`;
  if (NO_ANSWER.has(error?.code)) {
    return (
      `cannot reach PostgreSQL at ${address}: ` +
      'start it with `docker compose up -d db`, or set DATABASE_URL to a server that is running'
    );
  }
  // The server itself said no: a role, password or database that does not exist.
  if (error?.severity === 'FATAL') {
    return (
      `PostgreSQL at ${address} refused the connection: ${error.message}; ` +
      'check the user, the password and the database name in DATABASE_URL'
    );
  }
  return null;
}

/** Connect once to `url` (PostgreSQL only): the line above when it cannot be used, else null. */
export async function checkConnection(url) {
  if (!isPostgres(url)) return null;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return null;
  } catch (error) {
    const problem = connectionProblem(error, url);
    if (problem === null) throw error;
    return problem;
  } finally {
    await client.end().catch(() => {});
  }
}

/** For the commands (migrate, rollback, the tests): print the line and exit 1 when PostgreSQL cannot be used. */
export async function exitIfUnusable(url, cleanUp = async () => {}) {
  const problem = await checkConnection(url);
  if (problem === null) return;
  console.error(problem);
  await cleanUp();
  process.exit(1);
}
