// The Express application, built by createApp() so that tests can use it without a
// network port (supertest) and server.js can start it. Order matters: the request id,
// the access log, the headers and metrics come first (so that every response, errors
// included, gets them), then the routes, then the 404 and the error handler last.
import cors from 'cors';
import express from 'express';

import { apiRouter } from './api.js';
import { readableUrl } from './lib/body.js';
import { config } from './lib/config.js';
import { errorHandler, notFoundHandler } from './lib/errors.js';
import { healthRouter } from './lib/health.js';
import { measureRequests, metricsRouter } from './lib/metrics.js';
import { requestLog } from './lib/request-log.js';
import { securityHeaders } from './lib/security.js';

/**
 * @param {object} [options]
 * @param {string[]} [options.trustedProxies] TRUSTED_PROXIES by default
 * @param {string | null} [options.metricsToken] METRICS_TOKEN by default
 */
export function createApp({
  trustedProxies = config.trustedProxies,
  metricsToken = config.metricsToken,
} = {}) {
  const app = express();
  // Never tell the world which server this is.
  app.disable('x-powered-by');
  // req.ip (the login limits' client) is the socket's address, unless the request came
  // through one of TRUSTED_PROXIES: then it is the address that proxy puts in
  // X-Forwarded-For. Trusting everybody's X-Forwarded-For would let anyone pick an
  // address, and so lock anyone out or escape the limits.
  app.set('trust proxy', trustedProxies.length ? trustedProxies : false);

  app.use(requestLog);
  app.use(securityHeaders);
  app.use(measureRequests);
  // Only the listed front ends may call the API from a browser (CORS_ORIGINS).
  app.use(cors({ origin: config.corsOrigins, maxAge: 600 }));
  app.use(readableUrl);

  app.use(healthRouter);
  app.use(metricsRouter(metricsToken));
  app.use('/api', apiRouter);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
