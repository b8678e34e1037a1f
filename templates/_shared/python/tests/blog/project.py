"""This API as the shared tests (tests/test_*.py) call it: where one registers, signs in
and reads one's account, what those requests carry, and what production requires."""

from typing import Any

REGISTER_URL = "/api/users"
LOGIN_URL = "/api/users/login"
CURRENT_USER_URL = "/api/user"


def registration(name: str, password: str) -> dict[str, Any]:
    """The body that registers `name` (e-mail name@example.com), wrapped: {"user": {...}}."""
    return {"user": {"username": name, "email": f"{name}@example.com", "password": password}}


def credentials(email: str, password: str) -> dict[str, Any]:
    """The body that signs in, wrapped the same way."""
    return {"user": {"email": email, "password": password}}


# The settings production requires besides the shared ones (SECRET_KEY).
PRODUCTION_SETTINGS: dict[str, str] = {}
