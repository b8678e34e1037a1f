"""Test settings (pytest-django uses them: see [tool.pytest.ini_options] in pyproject.toml)."""

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import database_settings

# A throwaway database whatever the project's default: SQLite unless DATABASE_URL (from
# the environment) names a server; there pytest-django creates and drops "test_<name>".
DATABASES = {"default": database_settings(env.get_str("DATABASE_URL", "sqlite:///./app.db"))}

DEBUG = False
# Argon2 is slow on purpose; the tests hash hundreds of passwords, so they use a fast
# (and insecure) hasher. Never in production.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files are not collected in the tests.
STATIC_ROOT = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# On SQLite, the test database is a file rather than Django's default shared in-memory
# one: tests that check behaviour under concurrent requests open one connection per
# thread, and an in-memory database shared between threads fails at once with
# "database table is locked" where a file makes writers wait their turn (BEGIN IMMEDIATE
# and the busy timeout of config/settings/base.py), as in production.
if DATABASES["default"]["ENGINE"].endswith(".sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test.db")}  # noqa: F405
