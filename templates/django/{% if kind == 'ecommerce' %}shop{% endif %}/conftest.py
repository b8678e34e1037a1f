"""Fixtures for the shop's tests: customers, an admin, API clients signed in as them,
and a fresh sandbox payment provider for every test."""

from collections.abc import Iterator

import pytest
from django.test import Client
from rest_framework.test import APIClient

from core.testing import client_for
from shop.accounts.models import User
from shop.accounts.tests.factories import AdminFactory, UserFactory
from shop.payments.provider import SandboxProvider, get_payment_provider


@pytest.fixture
def customer(db: None) -> User:
    return UserFactory()


@pytest.fixture
def other_customer(db: None) -> User:
    return UserFactory()


@pytest.fixture
def shop_admin(db: None) -> User:
    return AdminFactory()


@pytest.fixture
def customer_client(customer: User) -> APIClient:
    return client_for(customer)


@pytest.fixture
def other_client(other_customer: User) -> APIClient:
    return client_for(other_customer)


@pytest.fixture
def shop_admin_client(shop_admin: User) -> APIClient:
    return client_for(shop_admin)


@pytest.fixture
def staff_client(client: Client) -> Client:
    """A browser signed in to the admin site as a shop admin (a superuser)."""
    client.force_login(AdminFactory(is_superuser=True))
    return client


@pytest.fixture(autouse=True)
def sandbox() -> Iterator[SandboxProvider]:
    """The sandbox remembers charges in memory: each test starts with none."""
    provider = get_payment_provider()
    assert isinstance(provider, SandboxProvider)
    yield provider
    provider.charges.clear()
    provider.refunds.clear()
