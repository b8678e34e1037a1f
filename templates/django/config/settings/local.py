"""Development settings: `make dev` and `make run` on your machine (APP_ENV=development)."""

from config import env
from config.settings.base import *  # noqa: F403

# Django's detailed error pages, for you only: never on a server others can reach.
DEBUG = env.get_bool("DEBUG", True)
# The admin's CSS is served straight from the installed packages: no collectstatic.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
