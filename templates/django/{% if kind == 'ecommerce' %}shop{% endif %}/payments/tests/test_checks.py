"""The system checks that stop a misconfigured shop before it serves anyone."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings


def error_ids() -> set[str]:
    return {message.id for message in run_checks() if message.is_serious()}


@pytest.mark.parametrize("secret", ["development-only-webhook-secret-change-me", "short"])
def test_production_should_refuse_the_development_or_a_short_webhook_secret(secret: str):
    with override_settings(APP_ENV="production", PAYMENT_WEBHOOK_SECRET=secret):
        assert "payments.E001" in error_ids()


def test_production_should_accept_a_real_webhook_secret():
    with override_settings(APP_ENV="production", PAYMENT_WEBHOOK_SECRET="whsec_" + "x" * 32):
        assert "payments.E001" not in error_ids()


def test_the_development_secret_should_be_fine_in_development():
    assert "payments.E001" not in error_ids()


@pytest.mark.parametrize("currency", ["eur", "EURO", ""])
def test_the_shop_currency_should_be_an_iso_code(currency: str):
    with override_settings(SHOP_CURRENCY=currency):
        assert "catalog.E001" in error_ids()


@pytest.mark.parametrize(
    "name",
    ["stripe", "no_such_module:Provider", "shop.payments.provider:NoSuchClass", "json:dumps"],
)
def test_a_wrong_payment_provider_should_stop_the_app(name: str):
    with override_settings(PAYMENT_PROVIDER=name):
        assert "payments.E002" in error_ids()


def test_the_sandbox_provider_should_pass():
    assert "payments.E002" not in error_ids()
