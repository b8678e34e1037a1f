// The Express application, built by createApp() so that tests can use it without a
// network port (supertest) and server.js can start it. Order matters: headers and
// metrics first (so that every response, errors included, gets them), then the
// routes, then the 404 and the error handler last.
import cors from 'cors';
import express from 'express';

import { apiRouter, rawBodyRouter } from './api.js';
import { config } from './lib/config.js';
import { errorHandler, notFoundHandler } from './lib/errors.js';
import { healthRouter } from './lib/health.js';
import { measureRequests, metricsRouter } from './lib/metrics.js';
import { securityHeaders } from './lib/security.js';

export function createApp() {
  const app = express();
  // Never tell the world which server this is.
  app.disable('x-powered-by');
  // Behind a proxy (a load balancer, a PaaS), set `app.set('trust proxy', 1)` so that
  // req.ip (the login limit's client) is the real client, not the proxy.

  app.use(securityHeaders);
  app.use(measureRequests);
  // Only the listed front ends may call the API from a browser (CORS_ORIGINS).
  app.use(cors({ origin: config.corsOrigins, maxAge: 600 }));
  // Routes that must see the exact bytes sent (a signed webhook) read the body themselves,
  // before the JSON parser below replaces it with an object.
  app.use('/api', rawBodyRouter);
  // A small body limit: nothing in this API needs more, and big bodies cost memory.
  app.use(express.json({ limit: '100kb' }));

  app.use(healthRouter);
  app.use(metricsRouter);
  app.use('/api', apiRouter);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
