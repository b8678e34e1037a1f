"""Load the user named in the path, or answer 404, before the route runs."""

from typing import Annotated

from fastapi import Depends, Path

from app.core.db import SessionDep
from app.users.models import User
from app.users.service import get_user_by_username


def get_profile_user(session: SessionDep, username: Annotated[str, Path(max_length=50)]) -> User:
    return get_user_by_username(session, username=username)


ProfileUser = Annotated[User, Depends(get_profile_user)]
