"""The shop's own settings; config/settings/base.py imports them all.

Its apps, its user model, what its contract asks of sign-up and of the login token, and
the settings only a shop has (its currency, how long an order holds its stock, the
payment provider), each read from the environment (.env.example lists them).
"""

from config import env

SHOP_APPS = [
    "shop.accounts",
    "shop.catalog",
    "shop.cart",
    "shop.orders",
    "shop.payments",
]

# Customers and admins, in one model:
# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#substituting-a-custom-user-model
AUTH_USER_MODEL = "accounts.User"

# Checks on a new password besides its length (AUTH_PASSWORD_VALIDATORS in base.py):
# none of the 20,000 most common passwords ("password", "12345678"...), which are the
# first an attacker tries.
SHOP_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Clients send "Authorization: Bearer <jwt>", as the API contract says.
SHOP_TOKEN_TYPES = ("Bearer",)

# The shop's one currency (ISO 4217). Prices are whole numbers in its minor unit (cents).
SHOP_CURRENCY = env.get_str("SHOP_CURRENCY", "EUR")
# How long checkout holds the stock of an unpaid order before it is cancelled.
ORDER_HOLD_MINUTES = env.get_int("ORDER_HOLD_MINUTES", 30)
# A payment still "in progress" after this long was abandoned (the server died while the
# provider was charging): the order can be paid, cancelled or expired again, and its
# Idempotency-Key reused. Keep it far above the provider client's own timeout.
PAYMENT_TIMEOUT_SECONDS = env.get_int("PAYMENT_TIMEOUT_SECONDS", 120)
# "sandbox" (offline test cards, shop/payments/provider.py) or "package.module:ClassName"
# of your own class with the same two methods, e.g. one that calls Stripe.
PAYMENT_PROVIDER = env.get_str("PAYMENT_PROVIDER", "sandbox")
# Shared with the payment provider: it signs the events it posts to /api/payments/webhook.
# This development value is public, so with APP_ENV=production a system check
# (shop/payments/checks.py) stops `migrate`, and so `make run` and the container, until
# a real secret is set.
DEVELOPMENT_WEBHOOK_SECRET = "development-only-webhook-secret-change-me"  # noqa: S105
PAYMENT_WEBHOOK_SECRET = env.get_str("PAYMENT_WEBHOOK_SECRET", DEVELOPMENT_WEBHOOK_SECRET)
