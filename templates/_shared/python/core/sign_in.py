"""Signing in with an e-mail address and a password: the steps every account takes.

The order matters, and is the same for every kind of account:
1. reserve the attempt (app/core/login_limiter.py), which raises TooManyAttemptsError
   while this account and client, or this client, are locked out, even for the right
   password: otherwise guessing could simply continue;
2. find the account, and end the read: argon2 is slow on purpose, so the password is
   checked with no transaction open (inside a write transaction it would hold SQLite's
   write lock, inside any it would hold a pooled connection other requests wait for);
3. check the password, also when there is no such account (against a dummy hash), so
   that the time taken does not tell which e-mail addresses have accounts;
4. give the attempt back if the password was right.
"""

import logging
from typing import Protocol, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from app.core.login_limiter import login_limiter
from app.core.security import verify_password

logger = logging.getLogger(__name__)


class Account(Protocol):
    @property
    def password_hash(self) -> str: ...


AccountT = TypeVar("AccountT", bound=Account)


def sign_in(
    session: Session, *, account: Select[AccountT], email: str, password: str, client: str
) -> AccountT | None:
    """The account that `account` selects if `password` is its password, else None."""
    login_limiter.reserve(account=email, client=client)
    found = session.scalar(account)
    session.commit()  # ends the read and gives its connection back to the pool
    if not verify_password(password, found.password_hash if found else None) or found is None:
        # The attempt reserved above stays counted as a failure. The log names who
        # and from where, never the password typed (it may be the real one, mistyped).
        logger.warning("Failed sign-in for %r from %s", email, client)
        return None
    login_limiter.release(account=email, client=client)
    return found
