"""Blog fixtures: a Conduit client over ``api``, and fresh users for each test."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.blog.conduit import Conduit, User


@pytest.fixture
def conduit(api: httpx.Client) -> Conduit:
    return Conduit(api)


@pytest.fixture
def alice(conduit: Conduit) -> User:
    return conduit.register("alice")


@pytest.fixture
def bob(conduit: Conduit) -> User:
    return conduit.register("bob")
