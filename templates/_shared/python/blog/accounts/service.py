"""Accounts: register, sign in, change one's details. No HTTP in here.

Every function takes the session and keyword-only arguments, and raises the
errors of app/core/errors.py when a rule is broken.
"""

from sqlalchemy import ColumnElement, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.blog.accounts.models import User
from app.blog.accounts.schemas import UserCreate, UserUpdate
{%- if cache == 'redis' %}
from app.blog.articles.service import ARTICLES_CACHE
from app.core.cache import cache
{%- endif %}
from app.core.errors import AuthenticationError, InvalidInputError, NotFoundError
from app.core.security import hash_password
from app.core.sign_in import sign_in

TAKEN = "has already been taken"


def get_user_by_id(session: Session, *, user_id: int) -> User | None:
    return session.get(User, user_id)


def get_user_by_username(session: Session, *, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError("profile not found", field="profile")
    return user


def register_user(session: Session, *, data: UserCreate) -> User:
    # Hash first: argon2 is slow on purpose, and the queries below start a transaction
    # that, on SQLite, holds the write lock until commit. Keep that window short.
    password_hash = hash_password(data.password)
    email = data.email.lower()
    _ensure_available(session, username=data.username, email=email)
    user = User(username=data.username, email=email, password_hash=password_hash)
    session.add(user)
    _commit_or_report_taken(session)
    return user


def authenticate(session: Session, *, email: str, password: str, client: str) -> User:
    """The user with these credentials, or AuthenticationError.

    Raises TooManyAttemptsError after repeated failures (app/core/sign_in.py says how).
    """
    account = select(User).where(User.email == email.lower())
    user = sign_in(session, account=account, email=email, password=password, client=client)
    if user is None:
        # The same answer for both cases, so nobody can probe which e-mails have accounts.
        raise AuthenticationError("is invalid", field="email or password")
    return user


def update_user(session: Session, *, user: User, changes: UserUpdate) -> User:
    if changes.password is not None:
        # Hash first, with no transaction open: argon2 is slow on purpose, and the
        # request's transaction (begun when the token's user was read) would hold
        # SQLite's write lock meanwhile. Committing nothing ends it.
        session.commit()
        password_hash = hash_password(changes.password)
    new_email = changes.email.lower() if changes.email else None
    _ensure_available(session, username=changes.username, email=new_email, except_id=user.id)
    if changes.username is not None:
        user.username = changes.username
    if new_email is not None:
        user.email = new_email
    if changes.password is not None:
        user.password_hash = password_hash
    # bio and image may be cleared: an empty string or null both mean "none".
    if "bio" in changes.model_fields_set:
        user.bio = changes.bio or None
    if "image" in changes.model_fields_set:
        user.image = changes.image or None
    _commit_or_report_taken(session)
{%- if cache == 'redis' %}
    # The article lists show each author's name, bio and image.
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}
    return user


def _ensure_available(
    session: Session, *, username: str | None, email: str | None, except_id: int | None = None
) -> None:
    """Raise InvalidInputError naming the field if the username or e-mail is in use."""
    if username is not None and _is_taken(session, User.username == username, except_id):
        raise InvalidInputError(TAKEN, field="username")
    if email is not None and _is_taken(session, User.email == email, except_id):
        raise InvalidInputError(TAKEN, field="email")


def _is_taken(session: Session, condition: ColumnElement[bool], except_id: int | None) -> bool:
    query = select(User.id).where(condition)
    if except_id is not None:
        query = query.where(User.id != except_id)
    return session.scalar(query) is not None


def _commit_or_report_taken(session: Session) -> None:
    # The check above can race with another request; the unique constraints cannot.
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise InvalidInputError(TAKEN, field="username or email") from None
