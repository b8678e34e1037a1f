// GET /health: is the app up, and can it reach its database? Used by Docker's
// HEALTHCHECK, compose and load balancers. 503 tells them to wait or restart.
import { Router } from 'express';

import { db } from './db.js';
import { logger } from './logger.js';

export const healthRouter = Router().get('/health', async (req, res) => {
  try {
    await db.raw('select 1');
    res.json({ status: 'ok', database: 'ok' });
  } catch (error) {
    logger.error({ err: error }, 'health check: the database is unreachable');
    res.status(503).json({ status: 'error', database: 'unreachable' });
  }
});
