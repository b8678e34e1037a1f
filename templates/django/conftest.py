"""Fixtures every test can use: an API client, and users made fresh for each test.

pytest-django gives each test a clean database (rolled back afterwards), SQLite by
default or PostgreSQL when DATABASE_URL points at one.
"""

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
