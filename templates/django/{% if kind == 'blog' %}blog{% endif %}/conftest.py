"""Fixtures for the blog's tests: users, and API clients signed in as them."""

import pytest
from rest_framework.test import APIClient

from blog.users.models import User
from blog.users.tests.factories import UserFactory
from core.testing import client_for


@pytest.fixture
def user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def other_user(db: None) -> User:
    return UserFactory()


@pytest.fixture
def auth_client(user: User) -> APIClient:
    return client_for(user)


@pytest.fixture
def other_client(other_user: User) -> APIClient:
    return client_for(other_user)
