"""Social fixtures: a Network client over ``api``, fresh users, and a crowd of extras.

Registering hashes a password, which is slow on purpose (argon2, bcrypt, scrypt):
tests whose subject is a fresh user (alice) take the many *other* users they
need (fans, late followers) from ``crowd``, registered once per module and reused.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from tests.contracts.social.network import Crowd, Network, User


@pytest.fixture
def net(api: httpx.Client) -> Network:
    return Network(api)


@pytest.fixture
def alice(net: Network) -> User:
    return net.register("alice")


@pytest.fixture
def bob(net: Network) -> User:
    return net.register("bob")


@pytest.fixture
def carol(net: Network) -> User:
    return net.register("carol")


@pytest.fixture(scope="module")
def crowd(contract_server: Any) -> Iterator[Crowd]:
    with contract_server.client(timeout=15) as client:
        yield Crowd(Network(client))
