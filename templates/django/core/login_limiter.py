"""Failed-login limiting: slow down password guessing without locking out a whole class.

Failures are counted per (account, client address) pair. Someone guessing one
account's password from one machine is stopped after LOGIN_MAX_FAILURES tries in
LOGIN_WINDOW_SECONDS, while the real owner on another machine, and everyone else on
the same network, can still sign in. A successful login clears the count.

The counts live in Django's cache (CACHES in config/settings/base.py): this process's
memory by default, which is enough for one server process. With several, use a
shared cache such as Redis and nothing here changes.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache

from core.errors import TooManyAttemptsError


def _key(account: str, client: str) -> str:
    # Hashed: cache keys must be short and free of spaces and control characters.
    digest = hashlib.sha256(f"{account.lower()}\0{client}".encode()).hexdigest()
    return f"login-failures:{digest}"


def _recent_failures(key: str, now: float) -> list[float]:
    failures: list[float] = cache.get(key, [])
    oldest_allowed = now - settings.LOGIN_WINDOW_SECONDS
    return [moment for moment in failures if moment > oldest_allowed]


def check(*, account: str, client: str) -> None:
    """Raise TooManyAttemptsError if this account failed too often from this client."""
    now = time.time()
    failures = _recent_failures(_key(account, client), now)
    if len(failures) >= settings.LOGIN_MAX_FAILURES:
        retry_after = failures[0] + settings.LOGIN_WINDOW_SECONDS - now
        raise TooManyAttemptsError(
            "too many failed login attempts, try again later",
            retry_after_seconds=max(1, math.ceil(retry_after)),
        )


def record_failure(*, account: str, client: str) -> None:
    key, now = _key(account, client), time.time()
    failures = [*_recent_failures(key, now), now]
    cache.set(key, failures, timeout=settings.LOGIN_WINDOW_SECONDS)


def record_success(*, account: str, client: str) -> None:
    cache.delete(_key(account, client))
