"""Load the user named in the path, or answer 404, before the route runs."""

from typing import Annotated

from fastapi import Depends, Path

from app.core.db import SessionDep
from app.social.accounts.models import User
from app.social.profiles.service import get_user_by_username


def get_user_by_name(session: SessionDep, username: Annotated[str, Path(max_length=30)]) -> User:
    return get_user_by_username(session, username=username)


UserByName = Annotated[User, Depends(get_user_by_name)]
