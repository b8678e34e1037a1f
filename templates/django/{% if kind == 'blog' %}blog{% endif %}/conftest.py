"""Fixtures for the blog's tests: users, and API clients signed in as them."""

import pytest
from rest_framework.test import APIClient

from blog.users.models import User
from blog.users.tests.factories import UserFactory


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def other_user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def auth_client(user: User) -> APIClient:
    """A client signed in as `user` (force_authenticate: no token needed)."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def other_client(other_user: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(user=other_user)
    return client
