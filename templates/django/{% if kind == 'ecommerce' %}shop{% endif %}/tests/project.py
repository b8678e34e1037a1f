"""This API as the shared tests (core/tests/) call it: where one registers and signs in,
what a sign-in carries, a few requests and their statuses, and the accounts' factory."""

from typing import Any

from shop.accounts.tests.factories import PASSWORD, UserFactory

__all__ = ["LOGIN_URL", "PASSWORD", "REGISTER_URL", "SAMPLE_REQUESTS", "UserFactory", "credentials"]

REGISTER_URL = "/api/auth/register"
LOGIN_URL = "/api/auth/login"


def credentials(email: str, password: str) -> dict[str, Any]:
    """The body that signs in."""
    return {"email": email, "password": password}


# (method, path, status) of a few requests: a public list, a sign-in needed, a bad body,
# something that does not exist, and the webhook unsigned. Every answer carries the
# security headers.
SAMPLE_REQUESTS = [
    ("get", "/api/products", 200),
    ("get", "/api/cart", 401),
    ("post", "/api/auth/register", 422),
    ("post", "/api/payments/webhook", 400),
    ("get", "/api/products/987654321", 404),
]
