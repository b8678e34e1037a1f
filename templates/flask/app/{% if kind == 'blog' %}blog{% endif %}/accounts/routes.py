"""Register, sign in, read and change one's own account."""

from typing import Any

from flask import Blueprint, request

from app.blog.accounts import service
from app.blog.accounts.models import User
from app.blog.accounts.schemas import (
    UserCreateRequest,
    UserLoginRequest,
    UserPublic,
    UserResponse,
    UserUpdateRequest,
)
from app.blog.responses import to_json
from app.core.auth import current_user, login_required
from app.core.client_address import client_address
from app.core.db import session
from app.core.security import create_access_token
from app.core.validation import json_body

blueprint = Blueprint("accounts", __name__)


def user_response(user: User) -> dict[str, Any]:
    public = UserPublic(
        email=user.email,
        token=create_access_token(str(user.id)),
        username=user.username,
        bio=user.bio,
        image=user.image,
    )
    return to_json(UserResponse(user=public))


@blueprint.post("/users")
def register() -> tuple[dict[str, Any], int]:
    """Register a new user and sign them in."""
    body = json_body(UserCreateRequest)
    return user_response(service.register_user(session(), data=body.user)), 201


@blueprint.post("/users/login")
def login() -> dict[str, Any]:
    """Sign in with e-mail and password."""
    body = json_body(UserLoginRequest)
    user = service.authenticate(
        session(),
        email=body.user.email,
        password=body.user.password,
        client=client_address(request),
    )
    return user_response(user)


@blueprint.get("/user")
@login_required
def read_current_user() -> dict[str, Any]:
    """The signed-in user's account, with a fresh token."""
    return user_response(current_user())


@blueprint.put("/user")
@login_required
def update_current_user() -> dict[str, Any]:
    """Change the signed-in user's details; only the fields sent are changed."""
    body = json_body(UserUpdateRequest)
    user = service.update_user(session(), user=current_user(), changes=body.user)
    return user_response(user)
