"""Who is calling? Read the token from `Authorization: Token <jwt>` and load the user.

Routes declare what they need with the Annotated aliases at the bottom:
CurrentUser (must be signed in, else 401) or OptionalUser (None when anonymous).
"""

from typing import Annotated

from fastapi import Depends
from fastapi.security import APIKeyHeader

from app.blog.accounts.models import User
from app.blog.accounts.service import get_user_by_id
from app.core.db import SessionDep
from app.core.errors import AuthenticationError
from app.core.security import read_access_token

# RealWorld sends "Token <jwt>"; "Bearer <jwt>" (the OAuth 2 habit) is accepted too.
# An API-key header (not HTTPBearer) so that the docs page lets you paste "Token ...".
authorization_header = APIKeyHeader(
    name="Authorization", auto_error=False, description="Token <jwt> (or Bearer <jwt>)"
)
ACCEPTED_SCHEMES = {"token", "bearer"}


def get_optional_user(
    session: SessionDep, authorization: Annotated[str | None, Depends(authorization_header)]
) -> User | None:
    """The signed-in user, None if no token was sent, 401 if the token is bad.

    A bad token is an error even where signing in is optional: silently treating
    the caller as anonymous would hide an expired session from the front end.
    """
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() not in ACCEPTED_SCHEMES or not token.strip():
        raise AuthenticationError("must be 'Token <jwt>'", field="authorization")
    subject = read_access_token(token.strip())
    user = get_user_by_id(session, user_id=int(subject)) if subject and subject.isdigit() else None
    if user is None:
        raise AuthenticationError("is invalid or expired", field="token")
    return user


OptionalUser = Annotated[User | None, Depends(get_optional_user)]


def get_current_user(user: OptionalUser) -> User:
    if user is None:
        raise AuthenticationError("is missing", field="token")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]
