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

The counts live in the database, so every process and machine of the app shares them.
"""

import hashlib
import math
import time
from collections.abc import Callable

from sqlalchemy import Float, Integer, String, case, delete, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.core.config import settings
from app.core.db import Base, engine, upsert
from app.core.errors import TooManyAttemptsError


class LoginAttempts(Base):
    """Recent sign-in attempts of one (account, address) pair or of one address."""

    __tablename__ = "login_attempts"

    # A hash of what is counted: fixed length, and no e-mail address kept in a
    # table that nobody reads.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    # Unix time at which the current window opened.
    window_start: Mapped[float] = mapped_column(Float)


class LoginLimiter:
    def __init__(
        self,
        *,
        max_failures: int,
        max_address_failures: int,
        window_seconds: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.max_failures = max_failures
        self.max_address_failures = max_address_failures
        self.window_seconds = window_seconds
        self.clock = clock

    def reserve(self, *, account: str, client: str) -> None:
        """Count one attempt, or raise TooManyAttemptsError if a limit is already reached.

        Runs in a short transaction of its own, committed before the (slow) password
        check, so no lock is held while the password is hashed.
        """
        now = self.clock()
        limits = [
            (_pair_key(account, client), self.max_failures),
            (_address_key(client), self.max_address_failures),
        ]
        waits = []
        with Session(engine) as session:
            session.execute(
                delete(LoginAttempts).where(LoginAttempts.window_start < now - self.window_seconds)
            )
            for key, limit in limits:
                attempts, window_start = self._count(session, key, now)
                if attempts > limit:
                    waits.append(window_start + self.window_seconds - now)
            if waits:
                session.rollback()  # a refused attempt is not counted: it checked nothing
            else:
                session.commit()
        if waits:
            raise TooManyAttemptsError(
                "too many failed login attempts, try again later",
                retry_after_seconds=max(1, math.ceil(max(waits))),
            )

    def release(self, *, account: str, client: str) -> None:
        """The password was right: forget the pair's failures, give the address its attempt back."""
        with Session(engine) as session:
            session.execute(
                delete(LoginAttempts).where(LoginAttempts.key == _pair_key(account, client))
            )
            session.execute(
                update(LoginAttempts)
                .where(LoginAttempts.key == _address_key(client), LoginAttempts.attempts > 0)
                .values(attempts=LoginAttempts.attempts - 1)
            )
            session.commit()

    def _count(self, session: Session, key: str, now: float) -> tuple[int, float]:
        """Add one attempt to `key` (opening a new window if the last one ended): one
        INSERT ... ON CONFLICT DO UPDATE, atomic however many requests run it at once."""
        insert = upsert(LoginAttempts).values(key=key, attempts=1, window_start=now)
        expired = insert.excluded.window_start - LoginAttempts.window_start >= self.window_seconds
        statement = insert.on_conflict_do_update(
            index_elements=[LoginAttempts.key],
            set_={
                "attempts": case((expired, 1), else_=LoginAttempts.attempts + 1),
                "window_start": case((expired, now), else_=LoginAttempts.window_start),
            },
        ).returning(LoginAttempts.attempts, LoginAttempts.window_start)
        attempts, window_start = session.execute(statement).one()
        return attempts, window_start


def _pair_key(account: str, client: str) -> str:
    return hashlib.sha256(f"account\0{account.lower()}\0{client}".encode()).hexdigest()


def _address_key(client: str) -> str:
    return hashlib.sha256(f"address\0{client}".encode()).hexdigest()


login_limiter = LoginLimiter(
    max_failures=settings.LOGIN_MAX_FAILURES,
    max_address_failures=settings.LOGIN_ADDRESS_MAX_FAILURES,
    window_seconds=settings.LOGIN_WINDOW_SECONDS,
)
