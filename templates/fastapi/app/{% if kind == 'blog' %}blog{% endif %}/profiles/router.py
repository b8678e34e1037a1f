"""Read profiles, follow and unfollow (plain `def` routes: see app/blog/accounts/router.py)."""

from fastapi import APIRouter

from app.blog.accounts.dependencies import CurrentUser, OptionalUser
from app.blog.profiles import service
from app.blog.profiles.dependencies import ProfileUser
from app.blog.profiles.schemas import ProfileResponse
from app.core.db import SessionDep

router = APIRouter(prefix="/profiles", tags=["Profile"])


@router.get("/{username}", response_model=ProfileResponse)
def read_profile(
    *, session: SessionDep, viewer: OptionalUser, profile_user: ProfileUser
) -> ProfileResponse:
    """A user's public profile; `following` says whether you follow them."""
    following = service.is_following(session, follower=viewer, followed=profile_user)
    return ProfileResponse(profile=service.to_profile(profile_user, following=following))


@router.post("/{username}/follow", response_model=ProfileResponse)
def follow_user(
    *, session: SessionDep, user: CurrentUser, profile_user: ProfileUser
) -> ProfileResponse:
    """Follow a user."""
    service.follow(session, follower=user, followed=profile_user)
    return ProfileResponse(profile=service.to_profile(profile_user, following=True))


@router.delete("/{username}/follow", response_model=ProfileResponse)
def unfollow_user(
    *, session: SessionDep, user: CurrentUser, profile_user: ProfileUser
) -> ProfileResponse:
    """Stop following a user."""
    service.unfollow(session, follower=user, followed=profile_user)
    return ProfileResponse(profile=service.to_profile(profile_user, following=False))
