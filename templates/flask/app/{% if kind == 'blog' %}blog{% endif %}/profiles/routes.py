"""Read profiles, follow and unfollow."""

from typing import Any

from flask import Blueprint

from app.blog.accounts.models import User
from app.blog.accounts.service import get_user_by_username
from app.blog.profiles import service
from app.blog.profiles.schemas import ProfileResponse
from app.blog.responses import to_json
from app.core.auth import current_user, login_required, viewer
from app.core.db import session

blueprint = Blueprint("profiles", __name__, url_prefix="/profiles")


def profile_response(user: User, *, following: bool) -> dict[str, Any]:
    return to_json(ProfileResponse(profile=service.to_profile(user, following=following)))


@blueprint.get("/<username>")
def read_profile(username: str) -> dict[str, Any]:
    """A user's public profile; `following` says whether you follow them."""
    profile_user = get_user_by_username(session(), username=username)
    following = service.is_following(session(), follower=viewer(), followed=profile_user)
    return profile_response(profile_user, following=following)


@blueprint.post("/<username>/follow")
@login_required
def follow_user(username: str) -> dict[str, Any]:
    """Follow a user."""
    profile_user = get_user_by_username(session(), username=username)
    service.follow(session(), follower=current_user(), followed=profile_user)
    return profile_response(profile_user, following=True)


@blueprint.delete("/<username>/follow")
@login_required
def unfollow_user(username: str) -> dict[str, Any]:
    """Stop following a user."""
    profile_user = get_user_by_username(session(), username=username)
    service.unfollow(session(), follower=current_user(), followed=profile_user)
    return profile_response(profile_user, following=False)
