"""Fixtures every test can use: an API client, and users made fresh for each test.

pytest-django gives each test a clean database (rolled back afterwards), SQLite by
default or PostgreSQL when DATABASE_URL points at one.
"""

import pytest
from rest_framework.test import APIClient

from core.database import check_connection

# When PostgreSQL at DATABASE_URL cannot be used, stop here with one line, not the same
# error in every test.
if (message := check_connection()) is not None:
    raise SystemExit(message)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
