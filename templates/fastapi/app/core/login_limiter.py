"""Failed-login limiting: slow down password guessing without locking out a whole class.

Failures are counted per (account, client address) pair. Someone guessing one
account's password from one machine is stopped after a few tries, while the real
owner on another machine, and everyone else on the same network, can still log in.

The counts live in this process's memory: enough for one server. With several
processes or machines, keep them in a shared store such as Redis instead.
"""

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from app.core.config import settings
from app.core.errors import TooManyAttemptsError


class FailedLoginLimiter:
    def __init__(
        self,
        *,
        max_failures: int,
        window_seconds: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        # Sync routes run in a thread pool, so two requests may update the counts at once.
        self._lock = threading.Lock()

    def check(self, *, account: str, client: str) -> None:
        """Raise TooManyAttemptsError if this pair has failed too often recently."""
        with self._lock:
            failures = self._recent_failures((account.lower(), client))
            if len(failures) < self.max_failures:
                return
            retry_after = failures[0] + self.window_seconds - self.clock()
        raise TooManyAttemptsError(
            "too many failed login attempts, try again later",
            retry_after_seconds=max(1, math.ceil(retry_after)),
        )

    def record_failure(self, *, account: str, client: str) -> None:
        with self._lock:
            key = (account.lower(), client)
            failures = self._recent_failures(key)
            failures.append(self.clock())
            self._failures[key] = failures

    def record_success(self, *, account: str, client: str) -> None:
        with self._lock:
            self._failures.pop((account.lower(), client), None)

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()

    def _recent_failures(self, key: tuple[str, str]) -> deque[float]:
        failures = self._failures.get(key, deque())
        oldest_allowed = self.clock() - self.window_seconds
        while failures and failures[0] <= oldest_allowed:
            failures.popleft()
        if not failures:
            # Forget pairs with nothing recent, so memory does not grow with every attempt.
            self._failures.pop(key, None)
        return failures


login_limiter = FailedLoginLimiter(
    max_failures=settings.LOGIN_MAX_FAILURES, window_seconds=settings.LOGIN_WINDOW_SECONDS
)
