// POST /api/payments/webhook: the payment provider's signed events. Mounted before the
// JSON parser (src/api.js): the signature covers the exact bytes sent.
import { Router } from 'express';

import { rawBody } from '../../lib/body.js';
import * as controller from './payments.controller.js';

// Whatever the Content-Type says (or if there is none): the signature decides.
export const webhookRouter = Router().post('/payments/webhook', rawBody, controller.receiveEvent);
