"""Reads of profiles and follows."""

from django.db.models import Exists, OuterRef, Value
from django.db.models.expressions import Expression

from blog.profiles.models import Follow
from blog.users.models import User


def follow_exists(*, follower: User | None, followed: User) -> bool:
    if follower is None:
        return False
    return Follow.objects.filter(follower=follower, followed=followed).exists()


def following_annotation(*, viewer: User | None, user_ref: str) -> Expression:
    """An SQL expression, true when `viewer` follows the user at `user_ref` (for annotate).

    Lists use it to learn whether the caller follows each author in the same query,
    instead of one query per row (the N+1 problem).
    """
    if viewer is None:
        return Value(False)
    return Exists(Follow.objects.filter(follower=viewer, followed_id=OuterRef(user_ref)))
