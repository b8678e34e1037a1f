"""Accounts: register and sign in. No HTTP in here.

Every function takes the session and keyword-only arguments, and raises the
errors of app/core/errors.py when a rule is broken.
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import AuthenticationError, ConflictError
from app.core.security import hash_password
from app.core.sign_in import sign_in
from app.social.accounts.models import User
from app.social.accounts.schemas import UserCreate

EMAIL_TAKEN = "An account with this e-mail address already exists."
USERNAME_TAKEN = "This username is taken."


def get_user_by_id(session: Session, *, user_id: int) -> User | None:
    return session.get(User, user_id)


def register_user(session: Session, *, data: UserCreate) -> User:
    # Hash first: argon2 is slow on purpose, and the queries below start a transaction
    # that, on SQLite, holds the write lock until commit. Keep that window short.
    password_hash = hash_password(data.password)
    email = data.email.lower()
    _ensure_available(session, username=data.username, email=email)
    user = User(username=data.username, email=email, password_hash=password_hash)
    session.add(user)
    try:
        session.commit()
    except IntegrityError:
        # Two registrations raced past the check above; the unique constraints did not.
        session.rollback()
        raise ConflictError("This username or e-mail address is taken.") from None
    return user


def authenticate(session: Session, *, email: str, password: str, client: str) -> User:
    """The user with these credentials, or AuthenticationError.

    Raises TooManyAttemptsError after repeated failures (app/core/sign_in.py says how).
    """
    account = select(User).where(User.email == email.lower())
    user = sign_in(session, account=account, email=email, password=password, client=client)
    if user is None:
        # The same answer for both cases, so nobody can probe which e-mails have accounts.
        raise AuthenticationError("The e-mail address or the password is wrong.")
    return user


def _ensure_available(session: Session, *, username: str, email: str) -> None:
    """Raise ConflictError (409) naming the field if the username or e-mail is in use."""
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ConflictError(USERNAME_TAKEN, field="username")
    if session.scalar(select(User.id).where(User.email == email)) is not None:
        raise ConflictError(EMAIL_TAKEN, field="email")
