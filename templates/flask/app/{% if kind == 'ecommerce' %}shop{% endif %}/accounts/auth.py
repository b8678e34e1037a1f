"""Who is calling? Read the token from `Authorization: Bearer <jwt>` and load the user.

As in Flask's tutorial, the user is loaded before each request into g.user (None when
anonymous), and decorators guard the views that need more: `login_required` (else
401) and `admin_required` (else 403):
https://flask.palletsprojects.com/en/stable/tutorial/views/
"""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import g, request

from app.core.db import session
from app.core.errors import AuthenticationError, PermissionDeniedError
from app.core.security import read_access_token
from app.shop.accounts.models import Role, User
from app.shop.accounts.service import get_user_by_id

P = ParamSpec("P")
R = TypeVar("R")


def load_signed_in_user() -> None:
    """g.user: the signed-in user, None if no token was sent, 401 if the token is bad.

    A bad token is an error even where signing in is optional: silently treating
    the caller as anonymous would hide an expired session from the front end.
    Another scheme (`Basic ...`) carries no token of ours: the caller is anonymous.
    """
    g.user = None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return
    subject = read_access_token(token.strip())
    user = (
        get_user_by_id(session(), user_id=int(subject))
        if subject and subject.isdigit() and len(subject) < 19
        else None
    )
    # End the transaction the lookup began (the user keeps its values: the session does
    # not expire them on commit). On SQLite, a POST's transaction holds the write lock
    # from its first query: work with a transaction of its own, such as the order
    # expiry that runs before order views, would otherwise wait for this one.
    session().commit()
    if user is None:
        raise AuthenticationError("The access token is invalid or has expired.")
    g.user = user


def current_user() -> User:
    """The signed-in user (401 when nobody is)."""
    user: User | None = g.user
    if user is None:
        raise AuthenticationError("Sign in first: send Authorization: Bearer <token>.")
    return user


def login_required(view: Callable[P, R]) -> Callable[P, R]:
    """Answer 401 unless someone is signed in."""

    @functools.wraps(view)
    def wrapped_view(*args: P.args, **kwargs: P.kwargs) -> R:
        current_user()
        return view(*args, **kwargs)

    return wrapped_view


def admin_required(view: Callable[P, R]) -> Callable[P, R]:
    """Answer 401 to anonymous callers and 403 to customers, before the view runs."""

    @functools.wraps(view)
    def wrapped_view(*args: P.args, **kwargs: P.kwargs) -> R:
        if current_user().role != Role.ADMIN:
            raise PermissionDeniedError("Only an admin may do this.")
        return view(*args, **kwargs)

    return wrapped_view
