"""Test settings (pytest-django uses them: see [tool.pytest.ini_options] in pyproject.toml)."""

from config.settings.base import *  # noqa: F403

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
