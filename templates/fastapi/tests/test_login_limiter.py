"""The failed-login limiter counts per (account, client) within a sliding window."""

import pytest

from app.core.errors import TooManyAttemptsError
from app.core.login_limiter import FailedLoginLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_limiter(clock: FakeClock) -> FailedLoginLimiter:
    return FailedLoginLimiter(max_failures=3, window_seconds=60, clock=clock)


def fail(
    limiter: FailedLoginLimiter, times: int, *, account: str = "a@x.io", client: str = "1.1.1.1"
) -> None:
    for _ in range(times):
        limiter.record_failure(account=account, client=client)


def test_blocks_after_max_failures_with_retry_after() -> None:
    clock = FakeClock()
    limiter = make_limiter(clock)
    fail(limiter, 3)

    with pytest.raises(TooManyAttemptsError) as blocked:
        limiter.check(account="a@x.io", client="1.1.1.1")

    assert blocked.value.retry_after_seconds == 60


def test_allows_attempts_below_the_limit() -> None:
    limiter = make_limiter(FakeClock())
    fail(limiter, 2)

    limiter.check(account="a@x.io", client="1.1.1.1")


def test_unblocks_when_the_window_has_passed() -> None:
    clock = FakeClock()
    limiter = make_limiter(clock)
    fail(limiter, 3)

    clock.now += 61

    limiter.check(account="a@x.io", client="1.1.1.1")


def test_other_clients_and_other_accounts_are_not_blocked() -> None:
    limiter = make_limiter(FakeClock())
    fail(limiter, 3)

    limiter.check(account="a@x.io", client="2.2.2.2")
    limiter.check(account="b@x.io", client="1.1.1.1")


def test_account_is_matched_case_insensitively() -> None:
    limiter = make_limiter(FakeClock())
    fail(limiter, 3, account="A@X.io")

    with pytest.raises(TooManyAttemptsError):
        limiter.check(account="a@x.io", client="1.1.1.1")


def test_success_forgets_earlier_failures() -> None:
    limiter = make_limiter(FakeClock())
    fail(limiter, 2)

    limiter.record_success(account="a@x.io", client="1.1.1.1")
    fail(limiter, 2)

    limiter.check(account="a@x.io", client="1.1.1.1")
