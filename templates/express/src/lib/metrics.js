// Prometheus metrics at GET /metrics: request counts and latencies per route, plus
// Node's own (memory, event-loop lag, garbage collection).
//
// They tell how the server is doing, which is nobody else's business: /metrics asks
// for `Authorization: Bearer <METRICS_TOKEN>`, and without METRICS_TOKEN it does not
// exist (404). Give the token to your Prometheus (its scrape config's `authorization`).
import { createHash, timingSafeEqual } from 'node:crypto';

import { Router } from 'express';
import client from 'prom-client';

import { config } from './config.js';
import { AppError } from './errors.js';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });
// Which Node.js runs here helps an attacker pick an exploit, and nobody else.
registry.removeSingleMetric('nodejs_version_info');

const requests = new client.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests, by method, route template and status code',
  labelNames: ['method', 'route', 'status'],
  registers: [registry],
});

const duration = new client.Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method and route template',
  labelNames: ['method', 'route'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Middleware: time every request and count it under its route template. */
export function measureRequests(req, res, next) {
  const stop = duration.startTimer();
  res.on('finish', () => {
    // The template (/api/orders/:id), not the path: one series per route, not per id.
    const route = req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
    stop({ method: req.method, route });
    requests.inc({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}

const digest = (text) => createHash('sha256').update(text).digest();

/** True if the request carries `Authorization: Bearer <token>`, compared in constant time. */
function hasToken(req, token) {
  const [scheme, given] = (req.get('authorization') ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !given) return false;
  // Equal-length digests: timingSafeEqual then tells nothing about the token's length.
  return timingSafeEqual(digest(given), digest(token));
}

/** Middleware factory: /metrics for the holder of `token` only; no token, no /metrics. */
export function requireMetricsToken(token) {
  return (req, res, next) => {
    if (!token) throw AppError.notFound('route');
    if (!hasToken(req, token)) throw AppError.unauthorized();
    next();
  };
}

/** GET /metrics, behind `token` (METRICS_TOKEN by default). */
export function metricsRouter(token = config.metricsToken) {
  return Router().get('/metrics', requireMetricsToken(token), async (req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
}
