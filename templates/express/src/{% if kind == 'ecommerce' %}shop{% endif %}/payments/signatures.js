// Check the `Payment-Signature: t=<unix time>,v1=<hex hmac>` header of a webhook.
//
// The provider signs "<t>.<raw body>" with HMAC-SHA256 and the secret we share
// (PAYMENT_WEBHOOK_SECRET). A valid signature proves the event comes from the provider
// and was not changed on the way; the timestamp, signed with it, stops an attacker from
// replaying a captured request days later.
import { createHmac, timingSafeEqual } from 'node:crypto';

import { AppError } from '../../lib/errors.js';

export const TOLERANCE_SECONDS = 5 * 60;

function refuse(message) {
  return new AppError('bad_request', { 'Payment-Signature': [message] });
}

/** The header value for `payload` (a Buffer): what the provider sends, and the tests too. */
export function sign(payload, secret, timestamp = Math.floor(Date.now() / 1000)) {
  const digest = createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/** Throw a 400 AppError unless `header` signs `payload` with `secret`, recently. */
export function verify(header, payload, secret, now = Date.now() / 1000) {
  if (!header) throw refuse('is missing');
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const [name, ...value] = part.trim().split('=');
      return [name, value.join('=')];
    }),
  );
  if (!/^\d+$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/i.test(parts.v1 ?? '')) {
    throw refuse('is malformed: expected t=<unix time>,v1=<hex>');
  }
  // Either way: a timestamp from the future is as suspicious as an old one.
  if (Math.abs(now - Number(parts.t)) > TOLERANCE_SECONDS) {
    throw refuse("is too far from the server's clock (more than 5 minutes)");
  }
  const expected = Buffer.from(sign(payload, secret, parts.t).split(',v1=')[1], 'hex');
  // timingSafeEqual takes the same time however many bytes match: no timing leak.
  if (!timingSafeEqual(expected, Buffer.from(parts.v1, 'hex'))) {
    throw refuse('does not match the body');
  }
}
