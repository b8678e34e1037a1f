"""Shop fixtures: a fresh sandbox payment provider for every test."""

from collections.abc import Iterator

import pytest

from app.shop.payments.provider import SandboxProvider, get_payment_provider


@pytest.fixture(autouse=True)
def sandbox() -> Iterator[SandboxProvider]:
    provider = get_payment_provider()
    assert isinstance(provider, SandboxProvider)
    yield provider
    provider.charges.clear()
    provider.refunds.clear()
