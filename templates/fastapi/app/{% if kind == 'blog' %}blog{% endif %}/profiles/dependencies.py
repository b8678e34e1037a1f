"""Load the user named in the path, or answer 404, before the route runs."""

from typing import Annotated

from fastapi import Depends, Path

from app.blog.accounts.models import User
from app.blog.accounts.service import get_user_by_username
from app.core.db import SessionDep


def get_profile_user(session: SessionDep, username: Annotated[str, Path(max_length=50)]) -> User:
    return get_user_by_username(session, username=username)


ProfileUser = Annotated[User, Depends(get_profile_user)]
