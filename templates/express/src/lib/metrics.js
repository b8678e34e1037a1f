// Prometheus metrics at GET /metrics: request counts and latencies per route, plus
// Node's own (memory, event-loop lag, garbage collection).
import { Router } from 'express';
import client from 'prom-client';

export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

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
    // The template (/api/articles/:slug), not the path: one series per route, not per article.
    const route = req.route ? `${req.baseUrl}${req.route.path}` : 'unmatched';
    stop({ method: req.method, route });
    requests.inc({ method: req.method, route, status: String(res.statusCode) });
  });
  next();
}

export const metricsRouter = Router().get('/metrics', async (req, res) => {
  res.type(registry.contentType).send(await registry.metrics());
});
