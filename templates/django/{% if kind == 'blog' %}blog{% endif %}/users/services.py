"""Writes to accounts: register, sign in, change. Views call these; they know no HTTP.

Each function takes keyword-only arguments and raises the errors of core/errors.py.
Passwords are hashed before the transaction starts: hashing takes a while (argon2
is slow on purpose) and must not hold SQLite's write lock.
"""

from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from blog.users import selectors
from blog.users.models import User
from core import login_limiter
from core.errors import AuthenticationError, InvalidInputError

TAKEN = "has already been taken"

# Checked against when no account has the e-mail, so that a wrong e-mail takes as
# long as a wrong password and response times do not reveal who has an account.
_DUMMY_HASH = make_password("not-a-real-password")


def _hash_password(password: str, user: User | None = None) -> str:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise InvalidInputError(" ".join(error.messages), field="password") from None
    return make_password(password)


def _ensure_available(*, username: str | None, email: str | None, except_id: int | None) -> None:
    if username is not None and selectors.username_is_taken(username=username, except_id=except_id):
        raise InvalidInputError(TAKEN, field="username")
    if email is not None and selectors.email_is_taken(email=email, except_id=except_id):
        raise InvalidInputError(TAKEN, field="email")


def user_register(*, username: str, email: str, password: str) -> User:
    password_hash = _hash_password(password)
    try:
        with transaction.atomic():
            _ensure_available(username=username, email=email, except_id=None)
            return User.objects.create(username=username, email=email, password=password_hash)
    except IntegrityError:
        # Two registrations raced for the same name: the database's constraint decided.
        raise InvalidInputError(TAKEN, field="username or email") from None


def user_authenticate(*, email: str, password: str, client: str) -> User:
    """The account for these credentials, or AuthenticationError; limited per client."""
    login_limiter.check(account=email, client=client)
    user = selectors.user_get_by_email(email=email)
    if user is None or not user.is_active:
        check_password(password, _DUMMY_HASH)
        login_limiter.record_failure(account=email, client=client)
        raise AuthenticationError("is invalid", field="email or password")
    if not user.check_password(password):
        login_limiter.record_failure(account=email, client=client)
        raise AuthenticationError("is invalid", field="email or password")
    login_limiter.record_success(account=email, client=client)
    return user


def user_update(*, user: User, changes: dict[str, Any]) -> User:
    """Change only the fields given; a new password is hashed."""
    if "password" in changes:
        changes = {**changes, "password": _hash_password(changes["password"], user)}
    try:
        with transaction.atomic():
            _ensure_available(
                username=changes.get("username"), email=changes.get("email"), except_id=user.pk
            )
            for field, value in changes.items():
                setattr(user, field, value)
            user.save(update_fields=list(changes))
    except IntegrityError:
        raise InvalidInputError(TAKEN, field="username or email") from None
    return user
