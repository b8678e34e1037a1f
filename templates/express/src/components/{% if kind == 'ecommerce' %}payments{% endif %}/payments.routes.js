// POST /api/payments/webhook: the payment provider's signed events. Mounted before the
// JSON parser (src/api.js, rawBodyRouter): the signature covers the exact bytes sent.
import express, { Router } from 'express';

import * as controller from './payments.controller.js';

export const webhookRouter = Router().post(
  '/payments/webhook',
  // Whatever the Content-Type says (or if there is none): the signature decides.
  express.raw({ type: () => true, limit: '100kb' }),
  controller.receiveEvent,
);
