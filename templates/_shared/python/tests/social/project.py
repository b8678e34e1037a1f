"""This API as the shared tests (tests/test_*.py) call it: where one registers, signs in
and reads one's account, what those requests carry, and what production requires."""

from typing import Any

REGISTER_URL = "/api/auth/register"
LOGIN_URL = "/api/auth/login"
CURRENT_USER_URL = "/api/auth/me"


def registration(name: str, password: str) -> dict[str, Any]:
    """The body that registers `name` (e-mail name@example.com)."""
    return {"username": name, "email": f"{name}@example.com", "password": password}


def credentials(email: str, password: str) -> dict[str, Any]:
    """The body that signs in."""
    return {"email": email, "password": password}


# The settings production requires besides the shared ones (SECRET_KEY).
PRODUCTION_SETTINGS: dict[str, str] = {}
