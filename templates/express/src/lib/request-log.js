// One log line per request (method, path, status, duration, request id), and the
// request id in the X-Request-ID response header, so that a user's report ("it failed
// at 10:02, request 3f2a...") leads straight to the log lines of that request.
import { randomUUID } from 'node:crypto';

import { logger } from './logger.js';

// A proxy's or a client's own id is kept only when it is short and plain: it is
// written to the log and sent back, so it must not be able to forge log lines.
const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestLog(req, res, next) {
  const incoming = req.get('x-request-id');
  req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-ID', req.id);
  const started = process.hrtime.bigint();
  let logged = false;
  const log = () => {
    if (logged) return;
    logged = true;
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info(
      {
        method: req.method,
        // The path only: a query string may carry what does not belong in a log.
        path: req.originalUrl.split('?')[0],
        // A request the client gave up on has no status; 499 is the usual name for it.
        status: res.writableFinished ? res.statusCode : 499,
        duration_ms: Math.round(milliseconds * 10) / 10,
        request_id: req.id,
      },
      'request',
    );
  };
  res.on('finish', log);
  res.on('close', log);
  next();
}
