"""Register, sign in and read one's own account."""

from typing import Any

from flask import Blueprint, request

from app.core.client_address import client_address
from app.core.db import session
from app.core.security import create_access_token
from app.core.validation import json_body
from app.social.accounts import service
from app.social.accounts.auth import current_user, login_required
from app.social.accounts.models import User
from app.social.accounts.schemas import (
    UserCreate,
    UserEnvelope,
    UserLogin,
    UserPublic,
    UserWithToken,
)
from app.social.responses import to_json

blueprint = Blueprint("accounts", __name__, url_prefix="/auth")


def with_token(user: User) -> dict[str, Any]:
    public = UserPublic.model_validate(user)
    return to_json(UserWithToken(user=public, token=create_access_token(str(user.id))))


@blueprint.post("/register")
def register() -> tuple[dict[str, Any], int]:
    """Open an account and sign in."""
    body = json_body(UserCreate)
    return with_token(service.register_user(session(), data=body)), 201


@blueprint.post("/login")
def login() -> dict[str, Any]:
    """Sign in with e-mail and password (429 after repeated failures)."""
    body = json_body(UserLogin)
    user = service.authenticate(
        session(), email=body.email, password=body.password, client=client_address(request)
    )
    return with_token(user)


@blueprint.get("/me")
@login_required
def read_me() -> dict[str, Any]:
    """The signed-in user's account."""
    return to_json(UserEnvelope(user=UserPublic.model_validate(current_user())))
