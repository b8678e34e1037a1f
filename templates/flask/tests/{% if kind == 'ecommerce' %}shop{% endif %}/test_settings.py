"""The shop's settings (app/shop/settings.py): read with the others, checked at startup."""

from typing import Any

import pytest
from pydantic import ValidationError

from app.core.config import Settings
from app.shop.settings import DEVELOPMENT_WEBHOOK_SECRET


def make_settings(**values: Any) -> Settings:
    # _env_file=None: ignore any .env file on the developer's machine.
    return Settings(_env_file=None, **values)


def test_production_refuses_the_development_webhook_secret() -> None:
    with pytest.raises(ValidationError, match="PAYMENT_WEBHOOK_SECRET must be set"):
        make_settings(
            APP_ENV="production",
            SECRET_KEY="x" * 48,
            PAYMENT_WEBHOOK_SECRET=DEVELOPMENT_WEBHOOK_SECRET,
        )


def test_production_refuses_a_short_webhook_secret() -> None:
    with pytest.raises(ValidationError, match="at least 16 characters"):
        make_settings(APP_ENV="production", SECRET_KEY="x" * 48, PAYMENT_WEBHOOK_SECRET="short")


def test_shop_settings_have_the_contract_defaults() -> None:
    settings = make_settings()

    assert settings.SHOP_CURRENCY == "EUR"
    assert settings.ORDER_HOLD_MINUTES == 30
    assert settings.PAYMENT_PROVIDER == "sandbox"


def test_a_currency_that_is_not_an_iso_code_is_refused() -> None:
    with pytest.raises(ValidationError, match="SHOP_CURRENCY"):
        make_settings(SHOP_CURRENCY="euro")
