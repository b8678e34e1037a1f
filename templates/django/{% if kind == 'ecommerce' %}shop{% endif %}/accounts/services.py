"""Writes to accounts: register, sign in, make an admin. Views call these; they know no HTTP.

Each function takes keyword-only arguments and raises the errors of core/errors.py.
Passwords are hashed before the transaction starts: hashing takes a while (argon2
is slow on purpose) and must not hold SQLite's write lock.
"""

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core import login_limiter
from core.errors import AuthenticationError, ConflictError, InvalidInputError
from shop.accounts import selectors
from shop.accounts.models import Role, User

EMAIL_TAKEN = "an account with this e-mail address already exists"
BAD_CREDENTIALS = "the e-mail address or the password is wrong"

# Checked against when no account has the e-mail, so that a wrong e-mail takes as
# long as a wrong password and response times do not reveal who has an account.
_DUMMY_HASH = make_password("not-a-real-password")


def _hash_password(password: str) -> str:
    try:
        validate_password(password)
    except ValidationError as error:
        raise InvalidInputError(" ".join(error.messages), field="password") from None
    return make_password(password)


def user_register(*, email: str, password: str, name: str) -> User:
    """A new customer account. Registering never makes an admin."""
    password_hash = _hash_password(password)
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
    """The account for these credentials, or AuthenticationError.

    Raises TooManyAttemptsError while this account and client are locked out, even
    for the right password: otherwise guessing could simply go on.
    """
    login_limiter.check(account=email, client=client)
    user = selectors.user_get_by_email(email=email)
    if user is None or not user.is_active:
        check_password(password, _DUMMY_HASH)
        user = None
    elif not user.check_password(password):
        user = None
    if user is None:
        login_limiter.record_failure(account=email, client=client)
        # One answer for both cases, so nobody can probe which e-mails have accounts.
        raise AuthenticationError(BAD_CREDENTIALS)
    login_limiter.record_success(account=email, client=client)
    return user


def user_make_admin(*, email: str, password: str, name: str = "Admin") -> User:
    """Create an admin, or make an existing account an admin with this password.

    Admins run the shop through the API and may also sign in to the admin site.
    """
    password_hash = _hash_password(password)
    with transaction.atomic():
        user = selectors.user_get_by_email(email=email) or User(email=email.lower(), name=name)
        user.password = password_hash
        user.role = Role.ADMIN
        user.is_staff = True
        user.is_superuser = True
        user.save()
    return user
