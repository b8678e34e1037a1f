"""Reads of accounts and profiles: keyword-only functions, no writes (HackSoft's styleguide).

A profile shows three counts and whether the caller follows the user. They are
computed by the database in the same SELECT as the users (subqueries), so a page
of 20 profiles costs one query, not 1 + 20 x 4.
"""

from django.db.models import Exists, OuterRef, QuerySet, Value
from django.db.models.expressions import Expression

from core.errors import NotFoundError
from social.follows.models import Follow
from social.pagination import Page, PageParams, text_page
from social.posts.models import Post
from social.queries import count_subquery
from social.users.models import User

# The attributes profile_annotations() adds, read by ProfileOutputSerializer.
PROFILE_FACTS = ("followers_count", "following_count", "posts_count", "following")


def profile_annotations(*, viewer: User | None, user_ref: str = "pk") -> dict[str, Expression]:
    """Expressions for annotate(): the counts and `following` of the user at `user_ref`."""
    following = (
        Exists(Follow.objects.filter(follower=viewer, followed_id=OuterRef(user_ref)))
        if viewer is not None
        else Value(False)
    )
    return {
        "followers_count": count_subquery(Follow.objects.filter(followed_id=OuterRef(user_ref))),
        "following_count": count_subquery(Follow.objects.filter(follower_id=OuterRef(user_ref))),
        "posts_count": count_subquery(Post.objects.filter(author_id=OuterRef(user_ref))),
        "following": following,
    }


def profile_queryset(*, viewer: User | None) -> QuerySet[User]:
    return User.objects.annotate(**profile_annotations(viewer=viewer))


def user_get_by_username(*, username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise NotFoundError("there is no user with this username", field="username")
    return user


def profile_get(*, username: str, viewer: User | None) -> User:
    """The user with their counts and `following` (404 if there is none)."""
    user = profile_queryset(viewer=viewer).filter(username=username).first()
    if user is None:
        raise NotFoundError("there is no user with this username", field="username")
    return user


def profile_search(*, term: str, viewer: User | None, params: PageParams) -> Page[User]:
    """Profiles whose username starts with `term`, alphabetically.

    Django's startswith escapes "%" and "_" in the term, which SQL's LIKE would
    otherwise read as wildcards: searching "a_b" must not find "axb".
    """
    users = profile_queryset(viewer=viewer).filter(username__startswith=term)
    return text_page(users, params, field="username")


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def username_is_taken(*, username: str) -> bool:
    return User.objects.filter(username=username).exists()


def email_is_taken(*, email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()
