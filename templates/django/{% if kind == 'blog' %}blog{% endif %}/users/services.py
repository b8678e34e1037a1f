"""Writes to accounts: register, sign in, change. Views call these; they know no HTTP.

Each function takes keyword-only arguments and raises the errors of core/errors.py.
Passwords are hashed before the transaction starts: hashing takes a while (argon2
is slow on purpose) and must not hold SQLite's write lock.
"""

from typing import Any

from django.db import IntegrityError, transaction

from blog.users import selectors
from blog.users.models import User
from core.errors import InvalidInputError
from core.passwords import authenticate, hash_new_password

TAKEN = "has already been taken"


def _ensure_available(*, username: str | None, email: str | None, except_id: int | None) -> None:
    if username is not None and selectors.username_is_taken(username=username, except_id=except_id):
        raise InvalidInputError(TAKEN, field="username")
    if email is not None and selectors.email_is_taken(email=email, except_id=except_id):
        raise InvalidInputError(TAKEN, field="email")


def user_register(*, username: str, email: str, password: str) -> User:
    password_hash = hash_new_password(password)
    try:
        with transaction.atomic():
            _ensure_available(username=username, email=email, except_id=None)
            return User.objects.create(username=username, email=email, password=password_hash)
    except IntegrityError:
        # Two registrations raced for the same name: the database's constraint decided.
        raise InvalidInputError(TAKEN, field="username or email") from None


def user_authenticate(*, email: str, password: str, client: str) -> User:
    """The account for these credentials, or AuthenticationError; limited per client."""
    return authenticate(
        email=email,
        password=password,
        client=client,
        find_user=lambda address: selectors.user_get_by_email(email=address),
        wrong="is invalid",
        wrong_field="email or password",
    )


def user_update(*, user: User, changes: dict[str, Any]) -> User:
    """Change only the fields given; a new password is hashed."""
    if "password" in changes:
        changes = {**changes, "password": hash_new_password(changes["password"], user)}
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
