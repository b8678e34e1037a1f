"""This API as the shared tests (core/tests/) call it: where one registers and signs in,
what a sign-in carries, a few requests and their statuses, and the accounts' factory."""

from typing import Any

from blog.users.tests.factories import PASSWORD, UserFactory

__all__ = ["LOGIN_URL", "PASSWORD", "REGISTER_URL", "SAMPLE_REQUESTS", "UserFactory", "credentials"]

REGISTER_URL = "/api/users"
LOGIN_URL = "/api/users/login"


def credentials(email: str, password: str) -> dict[str, Any]:
    """The body that signs in: RealWorld wraps it, {"user": {...}}."""
    return {"user": {"email": email, "password": password}}


# (method, path, status) of a few requests: a public list, a sign-in needed, a bad body,
# something that does not exist. Every answer carries the security headers.
SAMPLE_REQUESTS = [
    ("get", "/api/tags", 200),
    ("get", "/api/user", 401),
    ("post", "/api/users", 422),
    ("get", "/api/articles/no-such-article", 404),
]
