"""Shop fixtures: a Shop client over ``api``, an admin, customers and the webhook secret.

Against a server started elsewhere (``--contract-base-url``), name an existing
admin and the server's webhook secret in the environment:
CONTRACT_ADMIN_EMAIL, CONTRACT_ADMIN_PASSWORD and CONTRACT_WEBHOOK_SECRET.
"""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
from tests.contracts.checks import PASSWORD
from tests.contracts.ecommerce.shop import Shop, User, unique

#: The secret the harness gives the shop's server (KIND_ENV in tests/support/lab.py).
DEFAULT_WEBHOOK_SECRET = "contract-webhook-secret"

#: One admin per server for the whole session: `make create-admin` takes a few seconds.
#: Keyed by framework too: servers run one combination at a time, so a later server
#: may listen on a port an earlier one used.
_ADMINS: dict[tuple[str, str], User] = {}


@pytest.fixture
def shop(api: httpx.Client) -> Shop:
    return Shop(api)


@pytest.fixture
def admin(shop: Shop, contract_server: Any) -> User:
    server = (contract_server.framework, contract_server.base_url)
    if server not in _ADMINS:
        email = os.environ.get("CONTRACT_ADMIN_EMAIL")
        password = os.environ.get("CONTRACT_ADMIN_PASSWORD", PASSWORD)
        if not email:
            email = f"{unique('admin')}@example.com"
            # PASSWORD for the frameworks that take it on the command line, ADMIN_PASSWORD
            # (an environment variable for the recipe) for those that no longer do.
            result = contract_server.run_make(
                "create-admin", EMAIL=email, PASSWORD=password, ADMIN_PASSWORD=password
            )
            assert result.returncode == 0, f"make create-admin failed:\n{result.stdout[-3000:]}"
        _ADMINS[server] = shop.login(email, password)
    admin = _ADMINS[server]
    assert admin.role == "admin", f"{admin.email} logs in as {admin.role}, not admin"
    return admin


@pytest.fixture
def alice(shop: Shop) -> User:
    return shop.register("alice")


@pytest.fixture
def bob(shop: Shop) -> User:
    return shop.register("bob")


@pytest.fixture
def webhook_secret(contract_server: Any) -> str:
    if "CONTRACT_WEBHOOK_SECRET" in os.environ:
        return os.environ["CONTRACT_WEBHOOK_SECRET"]
    secret: str = contract_server.env.get("PAYMENT_WEBHOOK_SECRET", DEFAULT_WEBHOOK_SECRET)
    return secret
