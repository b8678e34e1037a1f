"""Who is calling? Read `Authorization: Bearer <jwt>` and load the user.

Routes declare what they need with the Annotated aliases at the bottom:
CurrentUser (must be signed in, else 401),
AdminUser (must be an admin, else 403), or OptionalUser (None when anonymous).
Every router of the API also lists `check_token` in its dependencies, so that a
bad token is refused even by endpoints that do not care who is calling.
"""

from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.core.db import SessionDep
from app.core.errors import AuthenticationError, PermissionDeniedError
from app.core.security import read_access_token
from app.shop.accounts.models import Role, User
from app.shop.accounts.service import get_user_by_id

# auto_error=False: we raise our own 401 in the API's error shape, not FastAPI's 403.
bearer_scheme = HTTPBearer(auto_error=False, description="Bearer <jwt> from /api/auth/login")


def get_optional_user(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> User | None:
    """The signed-in user, None if no token was sent, 401 if the token is bad.

    A bad token is an error even where signing in is optional: silently treating
    the caller as anonymous would hide an expired session from the front end.
    """
    if credentials is None:
        return None
    subject = read_access_token(credentials.credentials)
    user = get_user_by_id(session, user_id=int(subject)) if subject and subject.isdigit() else None
    if user is None:
        raise AuthenticationError("The access token is invalid or has expired.")
    return user


OptionalUser = Annotated[User | None, Depends(get_optional_user)]

# For APIRouter(dependencies=[...]). FastAPI runs a dependency once per request,
# so routes that also ask for the user do not load it twice.
check_token = Depends(get_optional_user)


def get_current_user(user: OptionalUser) -> User:
    if user is None:
        raise AuthenticationError("Sign in first: send Authorization: Bearer <token>.")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


# Role checks that need no user object go in the decorator:
# `dependencies=[Depends(require_admin)]`.
def require_admin(user: CurrentUser) -> User:
    if user.role != Role.ADMIN:
        raise PermissionDeniedError("Only an admin may do this.")
    return user


AdminUser = Annotated[User, Depends(require_admin)]
