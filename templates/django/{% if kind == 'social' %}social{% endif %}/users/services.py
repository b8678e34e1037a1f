"""Writes to accounts: register, sign in, change one's profile. Views call these.

Each function takes keyword-only arguments and raises the errors of core/errors.py.
Passwords are hashed before the transaction starts: hashing takes a while (argon2
is slow on purpose) and must not hold SQLite's write lock.
"""

from django.db import IntegrityError, transaction

from core.errors import ConflictError
from core.passwords import authenticate, hash_new_password
from social.users import selectors
from social.users.models import User


def user_register(*, username: str, email: str, password: str) -> User:
    """A new account; 409 (ConflictError) naming the field when the name or e-mail is taken."""
    password_hash = hash_new_password(password)
    email = email.lower()
    try:
        with transaction.atomic():
            if selectors.username_is_taken(username=username):
                raise ConflictError("this username is taken", field="username")
            if selectors.email_is_taken(email=email):
                raise ConflictError("an account with this e-mail exists already", field="email")
            return User.objects.create(username=username, email=email, password=password_hash)
    except IntegrityError:
        # Two registrations raced past the checks above; the unique constraints did not.
        raise ConflictError("this username or e-mail is taken") from None


def user_authenticate(*, email: str, password: str, client: str) -> User:
    """The account for these credentials, or AuthenticationError (401).

    Raises TooManyAttemptsError (429) while this account and client are locked out,
    even for the right password: otherwise guessing could simply go on.
    """
    return authenticate(
        email=email,
        password=password,
        client=client,
        find_user=lambda address: selectors.user_get_by_email(email=address),
        wrong="the e-mail or the password is wrong",
        wrong_field="email",
    )


def profile_update(*, user: User, changes: dict[str, str | None]) -> User:
    """Change only the fields given (bio, avatar_url); None clears one."""
    if changes:
        with transaction.atomic():
            for field, value in changes.items():
                setattr(user, field, value)
            user.save(update_fields=list(changes))
    return user
