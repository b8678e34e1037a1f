"""Follow and unfollow: both are safe to repeat (the second call changes nothing)."""

from django.db import transaction

from blog.profiles.models import Follow
from blog.users.models import User
from core.errors import InvalidInputError
from core.rows import insert_once


def follow_create(*, follower: User, followed: User) -> None:
    if follower.pk == followed.pk:
        raise InvalidInputError("cannot follow yourself", field="profile")
    with transaction.atomic():
        # Following twice, or twice at once, leaves one follow.
        insert_once(Follow(follower=follower, followed=followed))


def follow_delete(*, follower: User, followed: User) -> None:
    with transaction.atomic():
        Follow.objects.filter(follower=follower, followed=followed).delete()
