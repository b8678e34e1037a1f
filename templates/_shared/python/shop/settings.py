"""The shop's own settings. app/core/config.py's Settings inherits them.

Each is an UPPER_CASE field with a type and a default, read from the environment
(and .env) with all the others: use them as `settings.SHOP_CURRENCY`.
"""

from pydantic import Field, ValidationInfo, field_validator

from app.core.settings_base import AppSettings

# Public (it is in this file), so production refuses it.
DEVELOPMENT_WEBHOOK_SECRET = "development-only-webhook-secret-change-me"  # noqa: S105


class ShopSettings(AppSettings):
    # The shop's one currency (ISO 4217). Prices are integers in its minor unit (cents).
    SHOP_CURRENCY: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    # How long checkout holds the stock of an unpaid order before cancelling it.
    ORDER_HOLD_MINUTES: int = Field(default=30, gt=0)
    # A payment still "in progress" after this long was abandoned (the server died while
    # the provider was charging): the order can be paid, cancelled or expired again, and
    # its Idempotency-Key reused. Keep it far above the provider client's own timeout.
    PAYMENT_TIMEOUT_SECONDS: int = Field(default=120, gt=0)
    # "sandbox" (offline, for development and tests) or "package.module:ClassName" of a
    # class that implements app/shop/payments/provider.py's PaymentProvider.
    PAYMENT_PROVIDER: str = "sandbox"
    # Shared with the payment provider: signs the events it posts to /api/payments/webhook.
    # validate_default: the default goes through the production check too.
    PAYMENT_WEBHOOK_SECRET: str = Field(default=DEVELOPMENT_WEBHOOK_SECRET, validate_default=True)

    @field_validator("PAYMENT_WEBHOOK_SECRET")
    @classmethod
    def refuse_development_webhook_secret_in_production(
        cls, secret: str, info: ValidationInfo
    ) -> str:
        # With the public default, anyone could post "payment succeeded" events.
        # APP_ENV is checked before this field (AppSettings declares it), so info.data holds it.
        if info.data.get("APP_ENV") == "production" and (
            secret == DEVELOPMENT_WEBHOOK_SECRET or len(secret) < 16
        ):
            raise ValueError(
                "PAYMENT_WEBHOOK_SECRET must be set to the secret your payment provider "
                "gave you (at least 16 characters) when APP_ENV=production"
            )
        return secret
