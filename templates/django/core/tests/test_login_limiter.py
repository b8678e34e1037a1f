"""core/login_limiter.py: failures per (account, client) within a window."""

import pytest
from django.test import override_settings

from core import login_limiter
from core.errors import TooManyAttemptsError


@override_settings(LOGIN_MAX_FAILURES=2, LOGIN_WINDOW_SECONDS=60)
def test_check_should_raise_after_the_maximum_failures_with_a_retry_delay():
    for _ in range(2):
        login_limiter.check(account="a@example.com", client="1.2.3.4")
        login_limiter.record_failure(account="a@example.com", client="1.2.3.4")

    with pytest.raises(TooManyAttemptsError) as error:
        login_limiter.check(account="A@Example.com", client="1.2.3.4")

    assert 0 < error.value.retry_after_seconds <= 60


@override_settings(LOGIN_MAX_FAILURES=1, LOGIN_WINDOW_SECONDS=60)
def test_failures_should_expire_after_the_window(monkeypatch):
    login_limiter.record_failure(account="a@example.com", client="1.2.3.4")
    later = login_limiter.time.time() + 61
    monkeypatch.setattr(login_limiter.time, "time", lambda: later)

    login_limiter.check(account="a@example.com", client="1.2.3.4")  # does not raise


@override_settings(LOGIN_MAX_FAILURES=1)
def test_success_should_clear_the_failures():
    login_limiter.record_failure(account="a@example.com", client="1.2.3.4")
    login_limiter.record_success(account="a@example.com", client="1.2.3.4")

    login_limiter.check(account="a@example.com", client="1.2.3.4")  # does not raise
