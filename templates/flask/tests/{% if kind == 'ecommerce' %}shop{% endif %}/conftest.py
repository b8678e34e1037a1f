"""Shop fixtures: a fresh sandbox payment provider for every test, and an app context."""

from collections.abc import Iterator

import pytest
from flask import Flask

from app.shop.payments.provider import SandboxProvider, get_payment_provider


@pytest.fixture(autouse=True)
def sandbox() -> Iterator[SandboxProvider]:
    provider = get_payment_provider()
    assert isinstance(provider, SandboxProvider)
    yield provider
    provider.charges.clear()
    provider.refunds.clear()


@pytest.fixture
def app_context(app: Flask) -> Iterator[None]:
    """What a `flask` command has, for the tests that call the shop's code directly
    (order expiry, the housekeeping, create-admin): the app's settings and database.
    Not for every test: a request made inside it would share its database session."""
    with app.app_context():
        yield
