// One error type for everything the app refuses on purpose, and one place that turns
// errors into HTTP responses. Services throw AppError with a code; they never know
// about status codes or `res`. The shape is RealWorld's: {"errors": {"field": ["message"]}}.
import { logger } from './logger.js';

/** The HTTP status of each AppError code: the only place they meet. */
const STATUS = {
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_many_requests: 429,
};

export class AppError extends Error {
  /**
   * @param {keyof STATUS} code what went wrong, e.g. "not_found"
   * @param {Record<string, string[]>} errors field -> messages, shown to the client
   * @param {object} [options]
   * @param {number} [options.retryAfter] seconds before a 429 may be retried
   */
  constructor(code, errors, options = {}) {
    super(`${code}: ${JSON.stringify(errors)}`);
    this.name = 'AppError';
    this.code = code;
    this.errors = errors;
    this.retryAfter = options.retryAfter;
    // Operational: an expected refusal, not a bug (nodebestpractices 2.3).
    this.isOperational = true;
  }

  static validation(field, message) {
    return new AppError('validation', { [field]: [message] });
  }

  static notFound(what) {
    return new AppError('not_found', { [what]: ['not found'] });
  }

  static unauthorized(message = 'is missing or invalid') {
    return new AppError('unauthorized', { token: [message] });
  }

  static forbidden(what) {
    return new AppError('forbidden', { [what]: ['is not yours to change'] });
  }
}

/** Unknown routes: a 404 in the same shape as every other error. */
export function notFoundHandler(req, res, next) {
  next(AppError.notFound('route'));
}

/** The central error handler: the last middleware of the app. */
// Express recognises an error handler by its four parameters, so `next` stays.
export function errorHandler(error, req, res, next) {
  if (error instanceof AppError) {
    if (error.retryAfter) res.set('Retry-After', String(error.retryAfter));
    return res.status(STATUS[error.code] ?? 400).json({ errors: error.errors });
  }
  // Errors of the JSON body parser: a client's mistake, not ours.
  if (error.type === 'entity.parse.failed') {
    return res.status(422).json({ errors: { body: ['is not valid JSON'] } });
  }
  if (error.type === 'entity.too.large') {
    return res.status(413).json({ errors: { body: ['is too large'] } });
  }
  if (error.status >= 400 && error.status < 500) {
    return res.status(error.status).json({ errors: { request: ['is invalid'] } });
  }
  // A bug or an outage: the details go to the log, the client gets a generic 500.
  logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled error');
  return res.status(500).json({ errors: { server: ['something went wrong'] } });
}
