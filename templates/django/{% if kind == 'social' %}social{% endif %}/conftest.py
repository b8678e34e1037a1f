"""Fixtures for the social network's tests: users, and API clients signed in as them."""

import pytest
from rest_framework.test import APIClient

from social.users.models import User
from social.users.tests.factories import UserFactory


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def other_user(db: None) -> User:
    return UserFactory()


def client_for(user: User) -> APIClient:
    """A client signed in as `user` (force_authenticate: no token needed)."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client


@pytest.fixture
def auth_client(user: User) -> APIClient:
    return client_for(user)


@pytest.fixture
def other_client(other_user: User) -> APIClient:
    return client_for(other_user)
