// The shop's own settings. lib/config.js reads them from the environment together with
// the shared ones, validates them all at startup and merges `settingsOf` into `config`.
import { z } from 'zod';

// Checks the payment provider's webhook signatures during development only: the app
// refuses it when APP_ENV or NODE_ENV is production.
export const DEVELOPMENT_WEBHOOK_SECRET = 'development-only-webhook-secret-change-me';

const positive = (fallback) => z.coerce.number().int().positive().default(fallback);

/** The shop's environment variables, each with its default. */
export const schema = {
  // The shop's one currency (ISO 4217). Prices are integers in its minor unit (cents).
  SHOP_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be three capital letters, e.g. EUR')
    .default('EUR'),
  // How long checkout holds the stock of an unpaid order before cancelling it.
  ORDER_HOLD_MINUTES: positive(30),
  // A payment still "in progress" after this long was abandoned (the server died while
  // the provider was charging): the order can be paid, cancelled or expired again, and
  // its Idempotency-Key reused. Keep it far above the provider client's own timeout.
  PAYMENT_TIMEOUT_SECONDS: positive(120),
  // "sandbox" (offline, for development and tests) or "path/to/module.js:ClassName" of a
  // class with the methods of src/shop/payments/provider.js.
  PAYMENT_PROVIDER: z
    .string()
    .trim()
    .regex(
      /^(sandbox|[^:]+\.[cm]?js:[A-Za-z_$][\w$]*)$/,
      'must be "sandbox" or "path/to/module.js:ClassName"',
    )
    .default('sandbox'),
  // Shared with the payment provider: signs the events it posts to /api/payments/webhook.
  PAYMENT_WEBHOOK_SECRET: z.string().optional(),
};

/** What production requires of the settings above (zod's superRefine context). */
export function refine(env, ctx, { production }) {
  // With the public default, anyone could post "payment succeeded" events.
  const webhookSecret = env.PAYMENT_WEBHOOK_SECRET;
  if (
    production &&
    (!webhookSecret || webhookSecret === DEVELOPMENT_WEBHOOK_SECRET || webhookSecret.length < 16)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['PAYMENT_WEBHOOK_SECRET'],
      message:
        'must be set to the secret your payment provider gave you (at least 16 characters) when APP_ENV or NODE_ENV is production',
    });
  }
}

/** The validated settings, as the rest of the code reads them from `config`. */
export function settingsOf(settings) {
  return {
    shopCurrency: settings.SHOP_CURRENCY,
    orderHoldMinutes: settings.ORDER_HOLD_MINUTES,
    paymentTimeoutSeconds: settings.PAYMENT_TIMEOUT_SECONDS,
    paymentProvider: settings.PAYMENT_PROVIDER,
    paymentWebhookSecret: settings.PAYMENT_WEBHOOK_SECRET || DEVELOPMENT_WEBHOOK_SECRET,
  };
}

/**
 * What the schema cannot check: that PAYMENT_PROVIDER names a class that loads. Run
 * before the server listens, so a wrong name stops the start, not the first payment
 * after stock was reserved.
 */
export async function checkBeforeStart() {
  // Imported here, not at the top: the provider reads `config`, which is built from
  // this module.
  const { paymentProvider } = await import('./payments/provider.js');
  try {
    await paymentProvider();
  } catch (error) {
    throw new Error(`PAYMENT_PROVIDER: ${error.message}`, { cause: error });
  }
}
