// One logger for the whole app: JSON lines on stdout, the format log collectors read.
// Errors are logged here with their stack; clients never see it.
import pino from 'pino';

import { config } from './config.js';

export const logger = pino({
  level: config.logLevel,
  // Never write secrets to the log, even by accident.
  redact: ['req.headers.authorization', '*.password', '*.token'],
});
