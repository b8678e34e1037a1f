"""Writes to accounts: register, sign in, make an admin. Views call these; they know no HTTP.

Each function takes keyword-only arguments and raises the errors of core/errors.py.
Passwords are hashed before the transaction starts: hashing takes a while (argon2
is slow on purpose) and must not hold SQLite's write lock.
"""

from django.db import IntegrityError, transaction

from core.errors import ConflictError
from core.passwords import authenticate, hash_new_password
from shop.accounts import selectors
from shop.accounts.models import Role, User

EMAIL_TAKEN = "an account with this e-mail address already exists"
BAD_CREDENTIALS = "the e-mail address or the password is wrong"


def user_register(*, email: str, password: str, name: str) -> User:
    """A new customer account. Registering never makes an admin."""
    password_hash = hash_new_password(password)
    try:
        with transaction.atomic():
            if selectors.email_is_taken(email=email):
                raise ConflictError(EMAIL_TAKEN, field="email")
            return User.objects.create(
                email=email.lower(), name=name, password=password_hash, role=Role.CUSTOMER
            )
    except IntegrityError:
        # Two registrations raced for the same e-mail: the unique constraint decided.
        raise ConflictError(EMAIL_TAKEN, field="email") from None


def user_authenticate(*, email: str, password: str, client: str) -> User:
    """The account for these credentials, or AuthenticationError (TooManyAttemptsError
    while this account and client are locked out)."""
    return authenticate(
        email=email,
        password=password,
        client=client,
        find_user=lambda address: selectors.user_get_by_email(email=address),
        wrong=BAD_CREDENTIALS,
    )


def user_make_admin(*, email: str, password: str, name: str = "Admin") -> User:
    """Create an admin, or make an existing account an admin with this password.

    Admins run the shop through the API and may also sign in to the admin site.
    """
    password_hash = hash_new_password(password)
    with transaction.atomic():
        user = selectors.user_get_by_email(email=email) or User(email=email.lower(), name=name)
        user.password = password_hash
        user.role = Role.ADMIN
        user.is_staff = True
        user.is_superuser = True
        user.save()
    return user
