import pytest
from django.db import transaction

from core.errors import NotFoundError
from core.models import LoginAttempts
from core.rows import insert_once, lock


@pytest.mark.django_db
def test_insert_once_should_insert_the_first_time_only():
    def attempt() -> LoginAttempts:
        return LoginAttempts(key="same", attempts=1, window_start=0.0)

    assert insert_once(attempt()) is True
    assert insert_once(attempt()) is False
    assert LoginAttempts.objects.filter(key="same").count() == 1


@pytest.mark.django_db
def test_a_refused_insert_should_leave_the_callers_transaction_usable():
    LoginAttempts.objects.create(key="taken", attempts=1, window_start=0.0)
    with transaction.atomic():
        assert insert_once(LoginAttempts(key="taken", attempts=2, window_start=0.0)) is False
        LoginAttempts.objects.create(key="after", attempts=1, window_start=0.0)

    assert LoginAttempts.objects.filter(key="after").exists()


@pytest.mark.django_db
def test_lock_should_refuse_a_row_that_is_gone():
    attempt = LoginAttempts.objects.create(key="gone", attempts=1, window_start=0.0)
    attempt.delete()
    attempt.pk = "gone"

    with pytest.raises(NotFoundError), transaction.atomic():
        lock(attempt)
