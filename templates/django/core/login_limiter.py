"""Failed-login limiting: slow down password guessing without locking out a whole class.

Two counts, both over LOGIN_WINDOW_SECONDS:
- per (account, client address): LOGIN_MAX_FAILURES failures (default 5) stop someone
  guessing one account's password from one machine, while the real owner on another
  machine, and everyone else on the same network, can still sign in;
- per client address: LOGIN_ADDRESS_MAX_FAILURES (default 50, looser: a classroom
  shares one address) stop one machine from trying a few passwords on many accounts.

Every attempt is counted *before* the password is checked (`reserve`), in one atomic
statement, and given back when the password was right (`release`). Counting only
after a failure would let 40 guesses sent at once all pass the check "fewer than 5
failures so far" before the first failure is written.

The counts live in the database (core.models.LoginAttempts), so every server
process and machine shares them. The API's sign-in (core/passwords.py) and the
admin's (core/auth_backends.py) both go through here.
"""

import hashlib
import math
import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F

from core.errors import TooManyAttemptsError
from core.models import LoginAttempts

# One statement, atomic however many requests run it at once (the same SQL on SQLite
# and PostgreSQL): add an attempt to the key, opening a new window if the last ended.
_COUNT = """
INSERT INTO login_attempts (key, attempts, window_start)
VALUES (%s, 1, %s)
ON CONFLICT (key) DO UPDATE SET
    attempts = CASE WHEN excluded.window_start - login_attempts.window_start >= %s
               THEN 1 ELSE login_attempts.attempts + 1 END,
    window_start = CASE WHEN excluded.window_start - login_attempts.window_start >= %s
                   THEN excluded.window_start ELSE login_attempts.window_start END
RETURNING attempts, window_start
"""


def reserve(*, account: str, client: str) -> None:
    """Count one attempt, or raise TooManyAttemptsError if a limit is already reached.

    Runs in a short transaction of its own, committed before the (slow) password
    check, so no lock is held while the password is hashed.
    """
    now, window = time.time(), settings.LOGIN_WINDOW_SECONDS
    limits = [
        (_pair_key(account, client), settings.LOGIN_MAX_FAILURES),
        (_address_key(client), settings.LOGIN_ADDRESS_MAX_FAILURES),
    ]
    waits = []
    with transaction.atomic():
        LoginAttempts.objects.filter(window_start__lt=now - window).delete()
        with connection.cursor() as cursor:
            for key, limit in limits:
                cursor.execute(_COUNT, [key, now, window, window])
                attempts, window_start = cursor.fetchone()
                if attempts > limit:
                    waits.append(window_start + window - now)
        if waits:
            # A refused attempt is not counted: it checked nothing.
            transaction.set_rollback(True)
    if waits:
        raise TooManyAttemptsError(
            "too many failed login attempts, try again later",
            retry_after_seconds=max(1, math.ceil(max(waits))),
        )


def release(*, account: str, client: str) -> None:
    """The password was right: forget the pair's failures, give the address its attempt back."""
    with transaction.atomic():
        LoginAttempts.objects.filter(key=_pair_key(account, client)).delete()
        LoginAttempts.objects.filter(key=_address_key(client), attempts__gt=0).update(
            attempts=F("attempts") - 1
        )


def _pair_key(account: str, client: str) -> str:
    # A hash: fixed length, and no e-mail address kept in a table that nobody reads.
    return hashlib.sha256(f"account\0{account.lower()}\0{client}".encode()).hexdigest()


def _address_key(client: str) -> str:
    return hashlib.sha256(f"address\0{client}".encode()).hexdigest()
