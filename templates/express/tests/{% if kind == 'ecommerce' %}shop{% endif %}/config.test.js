import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadConfig } from '../../src/lib/config.js';
import { DEVELOPMENT_WEBHOOK_SECRET } from '../../src/shop/config.js';

const PRODUCTION = { APP_ENV: 'production', SECRET_KEY: 'x'.repeat(48) };

describe('the shop settings', () => {
  test('when nothing is set, then EUR, a 30-minute hold, the sandbox and the development webhook secret are used', () => {
    const config = loadConfig({});
    assert.equal(config.shopCurrency, 'EUR');
    assert.equal(config.orderHoldMinutes, 30);
    assert.equal(config.paymentProvider, 'sandbox');
    assert.equal(config.paymentWebhookSecret, DEVELOPMENT_WEBHOOK_SECRET);
  });

  test('when APP_ENV is production without a real webhook secret, then it refuses, naming it', () => {
    for (const secret of [undefined, DEVELOPMENT_WEBHOOK_SECRET, 'short']) {
      const env = { ...PRODUCTION, ...(secret ? { PAYMENT_WEBHOOK_SECRET: secret } : {}) };
      assert.throws(() => loadConfig(env), /PAYMENT_WEBHOOK_SECRET/);
    }
    const secret = 'whsec_'.padEnd(32, 'x');
    assert.equal(
      loadConfig({ ...PRODUCTION, PAYMENT_WEBHOOK_SECRET: secret }).paymentWebhookSecret,
      secret,
    );
  });

  test('when PAYMENT_PROVIDER is neither the sandbox nor a module and class, then it refuses', () => {
    for (const wrong of ['stripe', 'sandbox2', 'providers/stripe.js', 'stripe.py:Stripe']) {
      assert.throws(() => loadConfig({ PAYMENT_PROVIDER: wrong }), /PAYMENT_PROVIDER/, wrong);
    }
    const name = 'src/payments/stripe.js:StripeProvider';
    assert.equal(loadConfig({ PAYMENT_PROVIDER: name }).paymentProvider, name);
  });

  test('when the currency or the hold is malformed, then it refuses', () => {
    assert.throws(() => loadConfig({ SHOP_CURRENCY: 'euro' }), /SHOP_CURRENCY/);
    assert.throws(() => loadConfig({ ORDER_HOLD_MINUTES: '0' }), /ORDER_HOLD_MINUTES/);
  });
});
