"""Reads of follows: the followers and following lists, as profiles."""

from django.db.models import QuerySet

from social.follows.models import Follow
from social.pagination import Page, PageParams, time_page
from social.users.models import User
from social.users.selectors import PROFILE_FACTS, profile_annotations


def follower_list(*, user: User, viewer: User | None, params: PageParams) -> Page[User]:
    """Who follows `user`, most recent follow first."""
    follows = Follow.objects.filter(followed=user).select_related("follower")
    return _profiles(follows, side="follower", viewer=viewer, params=params)


def following_list(*, user: User, viewer: User | None, params: PageParams) -> Page[User]:
    """Whom `user` follows, most recent follow first."""
    follows = Follow.objects.filter(follower=user).select_related("followed")
    return _profiles(follows, side="followed", viewer=viewer, params=params)


def _profiles(
    follows: QuerySet[Follow], *, side: str, viewer: User | None, params: PageParams
) -> Page[User]:
    """A page of follow rows, as the profiles of the users on `side` of them.

    The cursor is the follow's (created_at, id): each follow is listed once, and
    people who follow while someone reads the list arrive before the first page,
    never in the middle. The profile facts are computed in the same query.
    """
    annotated = follows.annotate(**profile_annotations(viewer=viewer, user_ref=f"{side}_id"))
    page = time_page(annotated, params, newest_first=True)
    users = []
    for follow in page.items:
        user = getattr(follow, side)
        for fact in PROFILE_FACTS:
            setattr(user, fact, getattr(follow, fact))
        users.append(user)
    return Page(items=users, next_cursor=page.next_cursor)
