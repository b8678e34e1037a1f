"""Production settings (APP_ENV=production): the checks of `manage.py check --deploy` pass.

https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
"""

from django.core.exceptions import ImproperlyConfigured

from config import env
from config.settings.base import *  # noqa: F403
from config.settings.base import DEVELOPMENT_SECRET_KEY, SECRET_KEY

DEBUG = False

# The development key is public: refuse to start with it (or with none).
if not SECRET_KEY or SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value when APP_ENV=production: "
        'python -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

# HTTPS. Behind a reverse proxy or load balancer that ends TLS, the proxy says which
# scheme the client used in X-Forwarded-Proto. Only trust it behind such a proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain-HTTP visitors are sent to HTTPS (hosting platforms usually do it at their
# proxy too, which does no harm). `docker compose up` on your laptop serves plain
# HTTP, so compose.yaml turns this off with SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
# Docker's HEALTHCHECK, load balancers and Kubernetes' probes ask over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health(/live|/ready)?$"]
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
