// Start the server: `npm start` or `make run` (which migrates first).
// Listens on HOST:PORT, and on SIGTERM/SIGINT (docker stop, Ctrl-C) stops taking new
// connections, lets the current requests finish, closes the database and exits.
import { createApp } from './app.js';
import { config } from './lib/config.js';
import { db } from './lib/db.js';
import { logger } from './lib/logger.js';

const server = createApp().listen(config.port, config.host, () => {
  logger.info(`listening on http://${config.host}:${config.port} (${config.appEnv})`);
});

function shutdown(signal) {
  logger.info(`${signal}: shutting down`);
  server.close(async () => {
    await db.destroy();
    process.exit(0);
  });
  // Do not wait forever for a slow client.
  setTimeout(() => process.exit(1), 10_000).unref();
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// A bug nobody caught: log it and exit, and let the supervisor (Docker, systemd) restart.
process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled promise rejection');
  process.exit(1);
});
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});
