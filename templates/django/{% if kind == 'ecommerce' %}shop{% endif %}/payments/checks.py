"""System checks: production never runs with the public development webhook secret,
and PAYMENT_PROVIDER names a provider that loads.

`migrate` runs the system checks, so `make run` and the Docker image (which both
migrate first) refuse to start with it, and so does `make check-deploy`.
https://docs.djangoproject.com/en/5.2/topics/checks/
"""

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from shop.payments.provider import load_provider

MIN_SECRET_LENGTH = 16


@register()
def check_webhook_secret(app_configs: Any, **kwargs: Any) -> list[Error]:
    if settings.APP_ENV != "production":
        return []
    secret = settings.PAYMENT_WEBHOOK_SECRET
    if secret != settings.DEVELOPMENT_WEBHOOK_SECRET and len(secret) >= MIN_SECRET_LENGTH:
        return []
    return [
        Error(
            "PAYMENT_WEBHOOK_SECRET is the public development value (or too short).",
            hint="Set it to the signing secret your payment provider gave you "
            f"(at least {MIN_SECRET_LENGTH} characters): with the default, anyone could "
            "post 'payment succeeded' events.",
            id="payments.E001",
        )
    ]


@register()
def check_payment_provider(app_configs: Any, **kwargs: Any) -> list[Error]:
    try:
        load_provider(settings.PAYMENT_PROVIDER)
    except ValueError as error:
        return [Error(str(error), id="payments.E002")]
    return []
