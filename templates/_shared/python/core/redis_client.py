"""The connection to Redis (REDIS_URL): one connection pool for this process, or None.

Redis holds what every copy of the app must share: the login limits
(app/core/login_limiter.py) and the cache of the hottest reads (app/core/cache.py).
An empty REDIS_URL turns it off: the limits live in the database and nothing is cached.

The timeouts are short and nothing is retried: when Redis is down, a request learns it
within half a second and goes on without it (a cached read asks the database) or is
refused (a sign-in, whose limits cannot be counted), instead of hanging.
"""

from redis import Redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from app.core.config import settings

#: How long connecting, and then each command, may take before Redis counts as down.
TIMEOUT_SECONDS = 0.5


def connect(url: str) -> Redis | None:
    """A client for `url` (it connects on first use), or None when `url` is empty."""
    if not url:
        return None
    return Redis.from_url(
        url,
        socket_connect_timeout=TIMEOUT_SECONDS,
        socket_timeout=TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), retries=0),
        decode_responses=True,
    )


redis_client = connect(settings.REDIS_URL)
