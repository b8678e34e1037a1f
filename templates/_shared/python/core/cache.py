"""A cache of the hottest reads in Redis, shared by every copy of the app.

What is cached, and which writes make it old, is listed in ROADMAP.md. Entries are
grouped in scopes (e.g. "articles"); a write that changes what a scope's reads show
calls `cache.invalidate(scope)` once its transaction has committed.

Generations, not deletes. Each scope has a version number (`cache:<scope>:version`)
and each entry is stored under the version that was current when its read began
(`cache:<scope>:v<version>:<request>`). Invalidating INCRements the version, so every
older entry is simply never read again and expires with its TTL. Deleting the entries
instead would race: a reader that read the database just before the write committed
could put the old answer back right after the delete, for every later reader to see.
With generations that reader stores it under the old version, which nobody reads.

When Redis does not answer, a read goes to the database (and logs a warning) and an
invalidation logs an error and goes on: the TTL bounds how long an entry written
before can outlive a write made while Redis was away.
"""

import logging
import time
from collections.abc import Callable

from prometheus_client import Histogram
from redis import Redis, RedisError

from app.core.redis_client import redis_client

logger = logging.getLogger(__name__)

#: How long an entry lives, at most (a safety net: invalidation is what keeps it fresh).
TTL_SECONDS = 300

# Its _count counts the lookups (hit ratio: hits / all); its buckets show how long
# Redis takes to answer (the version, then the entry: two round trips).
CACHE_LOOKUP_SECONDS = Histogram(
    "cache_lookup_duration_seconds",
    "Time to look an answer up in the cache, by result: hit, miss or error.",
    ["result"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)


class ResponseCache:
    def __init__(self, client: Redis | None, *, ttl_seconds: int = TTL_SECONDS) -> None:
        self.client = client
        self.ttl_seconds = ttl_seconds

    def fetch(self, scope: str, request: str, read: Callable[[], str]) -> str:
        """The stored answer to `request` in `scope`, or `read()`'s, stored for next time.

        `request` names everything the answer depends on (e.g. the sorted query
        parameters); `read` makes the answer (a serialized body) from the database.
        """
        if self.client is None:
            return read()
        started = time.perf_counter()
        try:
            # The version first, then the database: an answer read before a write
            # committed is stored under the version that write has made old.
            version = int(self.client.get(_version_key(scope)) or 0)
            key = f"cache:{scope}:v{version}:{request}"
            cached = self.client.get(key)
        except RedisError as error:
            _record_lookup("error", started)
            logger.warning("Cache unavailable, reading %s from the database: %s", scope, error)
            return read()
        if cached is not None:
            _record_lookup("hit", started)
            return str(cached)
        _record_lookup("miss", started)
        answer = read()
        try:
            self.client.set(key, answer, ex=self.ttl_seconds)
        except RedisError as error:
            logger.warning("Cache unavailable, %s answer not stored: %s", scope, error)
        return answer

    def invalidate(self, *scopes: str) -> None:
        """Make every stored answer of these scopes old. Call it after the write commits:
        before, a reader could still store what the database held before the write
        under the new version."""
        if self.client is None or not scopes:
            return
        try:
            with self.client.pipeline(transaction=False) as pipeline:
                for scope in scopes:
                    pipeline.incr(_version_key(scope))
                pipeline.execute()
        except RedisError as error:
            logger.error(
                "Cache not invalidated for %s (its entries expire within %d s): %s",
                ", ".join(scopes),
                self.ttl_seconds,
                error,
            )


def _record_lookup(result: str, started: float) -> None:
    CACHE_LOOKUP_SECONDS.labels(result).observe(time.perf_counter() - started)


def _version_key(scope: str) -> str:
    return f"cache:{scope}:version"


cache = ResponseCache(redis_client)
