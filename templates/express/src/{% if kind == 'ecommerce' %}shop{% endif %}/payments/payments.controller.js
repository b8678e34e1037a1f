// POST /api/payments/webhook: check the signature on the exact bytes, then parse them.
import { config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';
import * as service from './payments.service.js';
import { verify } from './signatures.js';

export async function receiveEvent(req, res) {
  // express.raw() left the body as the bytes sent (nothing at all: an empty Buffer).
  const payload = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  verify(req.get('payment-signature'), payload, config.paymentWebhookSecret);
  let event;
  try {
    event = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new AppError('bad_request', { body: ['is not valid JSON'] });
  }
  res.json({ status: await service.handleEvent(event) });
}
