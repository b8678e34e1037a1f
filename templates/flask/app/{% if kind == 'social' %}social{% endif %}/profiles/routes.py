"""Profiles, the user search and follows."""

from typing import Any

from flask import Blueprint
from pydantic import Field

from app.core.db import session
from app.core.validation import json_body, query_parameters
from app.social.accounts.auth import current_user, login_required, viewer
from app.social.accounts.models import User
from app.social.list_query import ListQuery
from app.social.profiles import service
from app.social.profiles.schemas import ProfilePage, ProfilePublic, ProfileUpdate
from app.social.profiles.service import ProfilePageResult, ProfileView
from app.social.responses import to_json

blueprint = Blueprint("profiles", __name__, url_prefix="/users")

# Longer than any username: not found, without asking the database to compare.
MAX_USERNAME_LENGTH = 30


class SearchQuery(ListQuery):
    # Matched as a prefix of usernames, taken literally ("_" and "%" too).
    search: str = Field(default="", max_length=MAX_USERNAME_LENGTH)


def profile_public(view: ProfileView) -> ProfilePublic:
    return ProfilePublic(
        username=view.user.username,
        bio=view.user.bio,
        avatar_url=view.user.avatar_url,
        followers_count=view.followers_count,
        following_count=view.following_count,
        posts_count=view.posts_count,
        following=view.following,
    )


def profile_page(page: ProfilePageResult) -> dict[str, Any]:
    items = [profile_public(view) for view in page.views]
    return to_json(ProfilePage(items=items, next_cursor=page.next_cursor))


def user_named(username: str) -> User:
    """The user with this username, or NotFoundError (404)."""
    if len(username) > MAX_USERNAME_LENGTH:
        username = ""  # no user has a longer name: skip straight to "not found"
    return service.get_user_by_username(session(), username=username)


def _view(user: User) -> dict[str, Any]:
    return to_json(profile_public(service.get_profile(session(), user=user, viewer=viewer())))


@blueprint.get("")
def search_users() -> dict[str, Any]:
    """Profiles whose username starts with `search` (taken literally), alphabetically."""
    query = query_parameters(SearchQuery)
    # Usernames are lowercase, so "Ali" finds "alice".
    page = service.search_profiles(
        session(),
        term=query.search.lower(),
        viewer=viewer(),
        limit=query.limit,
        cursor=query.cursor,
    )
    return profile_page(page)


# Declared before /<username> so that "me" is not read as a username.
@blueprint.patch("/me")
@login_required
def update_me() -> dict[str, Any]:
    """Change your bio or avatar; only the fields sent change, "" clears one."""
    body = json_body(ProfileUpdate)
    return _view(service.update_profile(session(), user=current_user(), changes=body))


@blueprint.get("/<username>")
def read_profile(username: str) -> dict[str, Any]:
    """A user's profile; `following` says whether you follow them."""
    return _view(user_named(username))


@blueprint.post("/<username>/follow")
@login_required
def follow_user(username: str) -> dict[str, Any]:
    """Follow a user (following twice changes nothing)."""
    followed = user_named(username)
    service.follow(session(), follower=current_user(), followed=followed)
    return _view(followed)


@blueprint.delete("/<username>/follow")
@login_required
def unfollow_user(username: str) -> dict[str, Any]:
    """Stop following a user (not following: no change)."""
    followed = user_named(username)
    service.unfollow(session(), follower=current_user(), followed=followed)
    return _view(followed)


@blueprint.get("/<username>/followers")
def list_followers(username: str) -> dict[str, Any]:
    """Who follows this user, most recent first."""
    user = user_named(username)
    query = query_parameters(ListQuery)
    page = service.list_followers(
        session(), user=user, viewer=viewer(), limit=query.limit, cursor=query.cursor
    )
    return profile_page(page)


@blueprint.get("/<username>/following")
def list_following(username: str) -> dict[str, Any]:
    """Whom this user follows, most recent first."""
    user = user_named(username)
    query = query_parameters(ListQuery)
    page = service.list_following(
        session(), user=user, viewer=viewer(), limit=query.limit, cursor=query.cursor
    )
    return profile_page(page)
