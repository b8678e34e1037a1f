"""Passwords, the same for every kind: hashing a new one, and checking a sign-in.

Each kind keeps its accounts in its own User model; these functions take the
account (or how to find it) and raise the errors of core/errors.py.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from core import login_limiter
from core.errors import AuthenticationError, InvalidInputError

logger = logging.getLogger(__name__)

UserT = TypeVar("UserT", bound=AbstractBaseUser)

# Checked against when no account has the e-mail, so that a wrong e-mail takes as
# long as a wrong password and response times do not reveal who has an account.
_DUMMY_HASH = make_password("not-a-real-password")


def hash_new_password(password: str, user: AbstractBaseUser | None = None) -> str:
    """The hash to store, after Django's password validators (AUTH_PASSWORD_VALIDATORS).

    Call it before a transaction starts: hashing takes a while (argon2 is slow on
    purpose) and must not hold SQLite's write lock.
    """
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise InvalidInputError(" ".join(error.messages), field="password") from None
    return make_password(password)


def authenticate(
    *,
    email: str,
    password: str,
    client: str,
    find_user: Callable[[str], UserT | None],
    wrong: str,
    wrong_field: str = "body",
) -> UserT:
    """The account ``find_user(email)`` returns, if the password is right and it is active.

    Otherwise AuthenticationError(wrong, field=wrong_field): one answer for an unknown
    e-mail and a wrong password, so nobody can probe which e-mails have accounts.
    Raises TooManyAttemptsError while this account and client, or this client, are
    locked out, even for the right password: otherwise guessing could simply go on.
    Call it outside any transaction: checking a password takes a while (argon2 is
    slow on purpose) and must not hold a write lock.
    """
    login_limiter.reserve(account=email, client=client)
    user = find_user(email)
    if user is None or not user.is_active:
        check_password(password, _DUMMY_HASH)
        user = None
    elif not user.check_password(password):
        user = None
    if user is None:
        # The attempt reserved above stays counted as a failure. The log names who
        # and from where, never the password typed (it may be the real one, mistyped).
        logger.warning("Failed sign-in for %r from %s", email, client)
        raise AuthenticationError(wrong, field=wrong_field)
    login_limiter.release(account=email, client=client)
    return user
