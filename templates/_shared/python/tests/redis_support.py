"""What the tests that involve Redis share: a mark for those that need a real one, and
a way to make the app find Redis down."""

import pytest

from app.core import health, sign_in
from app.core.cache import cache
from app.core.config import settings
from app.core.login_limiter import RedisLoginLimiter
from app.core.redis_client import connect, redis_client

requires_redis = pytest.mark.skipif(
    redis_client is None,
    reason="needs Redis: set REDIS_URL to a database made for tests "
    "(e.g. redis://127.0.0.1:6379/15; each test empties it)",
)

#: Nothing listens on port 1: connecting fails at once, as when Redis is down.
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/0"


def stop_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the login limits, the cache and the health check at a Redis that does not
    answer (with or without REDIS_URL), as if it had stopped."""
    unreachable = connect(UNREACHABLE_REDIS_URL)
    assert unreachable is not None
    monkeypatch.setattr(cache, "client", unreachable)
    monkeypatch.setattr(health, "redis_client", unreachable)
    limiter = RedisLoginLimiter(
        unreachable,
        max_failures=settings.LOGIN_MAX_FAILURES,
        max_address_failures=settings.LOGIN_ADDRESS_MAX_FAILURES,
        window_seconds=settings.LOGIN_WINDOW_SECONDS,
    )
    monkeypatch.setattr(sign_in, "login_limiter", limiter)


def cache_entries(scope: str) -> list[str]:
    """The names of the answers stored in `scope`, whatever their version."""
    assert redis_client is not None
    return sorted(redis_client.scan_iter(f"cache:{scope}:v[0-9]*:*"))
