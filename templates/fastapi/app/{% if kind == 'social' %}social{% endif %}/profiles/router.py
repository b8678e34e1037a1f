"""Profiles, the user search and follows (plain `def` routes: see app/social/accounts/router.py)."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.core.db import SessionDep
from app.social.accounts.dependencies import CurrentUser, OptionalUser, check_token
from app.social.list_query import Cursor, Limit
from app.social.profiles import service
from app.social.profiles.dependencies import UserByName
from app.social.profiles.schemas import ProfilePage, ProfilePublic, ProfileUpdate
from app.social.profiles.service import ProfilePageResult, ProfileView

router = APIRouter(prefix="/users", tags=["Profiles and follows"], dependencies=[check_token])


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


def profile_page(page: ProfilePageResult) -> ProfilePage:
    return ProfilePage(
        items=[profile_public(view) for view in page.views], next_cursor=page.next_cursor
    )


@router.get("", response_model=ProfilePage)
def search_users(
    *,
    session: SessionDep,
    viewer: OptionalUser,
    search: Annotated[str, Query(max_length=30)] = "",
    limit: Limit = 20,
    cursor: Cursor = None,
) -> ProfilePage:
    """Profiles whose username starts with `search` (taken literally), alphabetically."""
    # Usernames are lowercase, so "Ali" finds "alice".
    page = service.search_profiles(
        session, term=search.lower(), viewer=viewer, limit=limit, cursor=cursor
    )
    return profile_page(page)


# Declared before /{username} so that "me" is not read as a username.
@router.patch("/me", response_model=ProfilePublic)
def update_me(*, session: SessionDep, user: CurrentUser, body: ProfileUpdate) -> ProfilePublic:
    """Change your bio or avatar; only the fields sent change, "" clears one."""
    service.update_profile(session, user=user, changes=body)
    return profile_public(service.get_profile(session, user=user, viewer=user))


@router.get("/{username}", response_model=ProfilePublic)
def read_profile(
    *, session: SessionDep, viewer: OptionalUser, profile_user: UserByName
) -> ProfilePublic:
    """A user's profile; `following` says whether you follow them."""
    return profile_public(service.get_profile(session, user=profile_user, viewer=viewer))


@router.post("/{username}/follow", response_model=ProfilePublic)
def follow_user(
    *, session: SessionDep, user: CurrentUser, profile_user: UserByName
) -> ProfilePublic:
    """Follow a user (following twice changes nothing)."""
    service.follow(session, follower=user, followed=profile_user)
    return profile_public(service.get_profile(session, user=profile_user, viewer=user))


@router.delete("/{username}/follow", response_model=ProfilePublic)
def unfollow_user(
    *, session: SessionDep, user: CurrentUser, profile_user: UserByName
) -> ProfilePublic:
    """Stop following a user (not following: no change)."""
    service.unfollow(session, follower=user, followed=profile_user)
    return profile_public(service.get_profile(session, user=profile_user, viewer=user))


@router.get("/{username}/followers", response_model=ProfilePage)
def list_followers(
    *,
    session: SessionDep,
    viewer: OptionalUser,
    profile_user: UserByName,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> ProfilePage:
    """Who follows this user, most recent first."""
    page = service.list_followers(
        session, user=profile_user, viewer=viewer, limit=limit, cursor=cursor
    )
    return profile_page(page)


@router.get("/{username}/following", response_model=ProfilePage)
def list_following(
    *,
    session: SessionDep,
    viewer: OptionalUser,
    profile_user: UserByName,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> ProfilePage:
    """Whom this user follows, most recent first."""
    page = service.list_following(
        session, user=profile_user, viewer=viewer, limit=limit, cursor=cursor
    )
    return profile_page(page)
