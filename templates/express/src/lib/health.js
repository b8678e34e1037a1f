// Is the app up, and can it reach its database?
// - GET /health/live: the process answers (an orchestrator restarts it when not);
// - GET /health/ready: the database answers too (no traffic is sent until it does);
// - GET /health: the same as ready, for Docker's HEALTHCHECK, compose and load balancers.
import { Router } from 'express';

import { db } from './db.js';
import { logger } from './logger.js';

async function ready(req, res) {
  try {
    await db.raw('select 1');
    res.json({ status: 'ok', database: 'ok' });
  } catch (error) {
    logger.error({ err: error }, 'health check: the database is unreachable');
    res.status(503).json({ status: 'error', database: 'error' });
  }
}

export const healthRouter = Router()
  // It asks nothing of the database: restarting the process would not bring that back.
  .get('/health/live', (req, res) => res.json({ status: 'ok' }))
  .get('/health/ready', ready)
  .get('/health', ready);
