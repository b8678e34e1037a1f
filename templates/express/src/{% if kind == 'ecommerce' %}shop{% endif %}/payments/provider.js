// The payment provider, behind one small interface.
//
// The shop only ever talks to a provider object with two async methods:
//
//   charge({ amountCents, currency, token, idempotencyKey }) -> { id, amountCents, currency }
//   refund({ chargeId, amountCents, idempotencyKey })
//
// Both pass the idempotency key on to the provider: if our request times out and we
// try again, the provider sees the same key and does not charge (or refund) twice.
// They throw PaymentError 'payment_declined' when the card is refused (the API answers
// 402) and 'upstream_failed' when the provider fails and nothing was charged (502).
//
// Give every call to the provider a timeout (e.g. fetch(url, { signal:
// AbortSignal.timeout(30_000) })) and throw 'upstream_failed' when it runs out: while it
// waits, the order is marked as being paid, and that mark only expires after
// PAYMENT_TIMEOUT_SECONDS (default 120), so a call must never be able to wait that long.
//
// The default is an offline sandbox that behaves like a card processor, so the whole
// checkout works with no account anywhere. To take real payments, write a class with
// the same two methods that calls your provider's API (Stripe, Adyen, Mollie...) and
// name it in the settings: PAYMENT_PROVIDER=src/payments/stripe.js:StripeProvider
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { config } from '../../lib/config.js';
import { AppError } from '../../lib/errors.js';

/** The provider's answers that the API passes on, with the status of each code. */
export class PaymentError extends AppError {
  static STATUS = { payment_declined: 402, upstream_failed: 502 };

  get status() {
    return PaymentError.STATUS[this.code] ?? super.status;
  }
}

/**
 * An offline card processor with three test cards: tok_visa succeeds; tok_declined (and
 * any other token) is declined; tok_error fails as an outage (nothing is charged, the
 * client may retry). It remembers charges and refunds in memory, by idempotency key.
 * It answers at once, with no network call, so it needs no timeout of its own.
 */
export class SandboxProvider {
  charges = new Map();
  refunds = new Map();

  async charge({ amountCents, currency, token, idempotencyKey }) {
    if (token === 'tok_error') {
      throw new PaymentError(
        'upstream_failed',
        { payment: ['provider is unavailable'] },
        { detail: 'The payment provider is unavailable; nothing was charged. Try again later.' },
      );
    }
    if (token !== 'tok_visa') {
      throw new PaymentError(
        'payment_declined',
        { payment_token: ['was declined'] },
        { detail: 'The card was declined.' },
      );
    }
    // The same key twice is the same charge: a retry never charges again.
    if (!this.charges.has(idempotencyKey)) {
      this.charges.set(idempotencyKey, { id: `ch_sandbox_${randomUUID()}`, amountCents, currency });
    }
    return this.charges.get(idempotencyKey);
  }

  async refund({ chargeId, idempotencyKey }) {
    if (!this.refunds.has(idempotencyKey)) this.refunds.set(idempotencyKey, chargeId);
  }
}

/** "sandbox", or "path/to/module.js:ClassName" of a class built with no arguments. */
export async function loadProvider(name) {
  if (name === 'sandbox') return new SandboxProvider();
  const [file, className] = name.split(':');
  let module;
  try {
    module = await import(pathToFileURL(path.resolve(file)).href);
  } catch (error) {
    throw new Error(`cannot load ${file}: ${error.message}`, { cause: error });
  }
  if (typeof module[className] !== 'function') {
    throw new Error(`${file} exports no class named ${className}`);
  }
  const provider = new module[className]();
  for (const method of ['charge', 'refund']) {
    if (typeof provider[method] !== 'function') {
      throw new Error(`${className} has no ${method}() method`);
    }
  }
  return provider;
}

let provider;

/** The provider named by PAYMENT_PROVIDER, made once for the whole process. */
export function paymentProvider() {
  provider ??= loadProvider(config.paymentProvider);
  return provider;
}
