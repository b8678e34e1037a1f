"""Who is calling? Read `Authorization: Bearer <jwt>` and load the user.

As in Flask's tutorial, the user is loaded before each request into g.user (None when
anonymous), and `login_required` guards the views that need someone signed in:
https://flask.palletsprojects.com/en/stable/tutorial/views/
"""

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import g, request

from app.core.db import session
from app.core.errors import AuthenticationError
from app.core.security import read_access_token
from app.social.accounts.models import User
from app.social.accounts.service import get_user_by_id

P = ParamSpec("P")
R = TypeVar("R")


def load_signed_in_user() -> None:
    """g.user: the signed-in user, None if no token was sent, 401 if the token is bad.

    A bad token is an error even where signing in is optional: silently treating
    the caller as anonymous would hide an expired session from the front end.
    """
    g.user = None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return  # no Bearer token: anonymous, and 401 where signing in is required
    subject = read_access_token(token.strip())
    # A subject we signed is a user id; the length check keeps it inside a BIGINT.
    user = (
        get_user_by_id(session(), user_id=int(subject))
        if subject and subject.isdigit() and len(subject) < 19
        else None
    )
    if user is None:
        raise AuthenticationError("The access token is invalid or has expired.")
    g.user = user


def login_required(view: Callable[P, R]) -> Callable[P, R]:
    """Answer 401 unless someone is signed in."""

    @functools.wraps(view)
    def wrapped_view(*args: P.args, **kwargs: P.kwargs) -> R:
        current_user()
        return view(*args, **kwargs)

    return wrapped_view


def viewer() -> User | None:
    """The signed-in user, or None: for views where signing in is optional."""
    user: User | None = g.user
    return user


def current_user() -> User:
    """The signed-in user, in a view decorated with login_required."""
    user = viewer()
    if user is None:
        raise AuthenticationError("Sign in first: send Authorization: Bearer <token>.")
    return user
