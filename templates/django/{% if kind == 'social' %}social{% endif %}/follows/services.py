"""Follow and unfollow: both are safe to repeat (the second call changes nothing)."""

from django.db import transaction

from core.errors import InvalidInputError
from core.rows import insert_once
from social.follows.models import Follow
from social.notifications.models import Notification
from social.notifications.services import notification_create
from social.users.models import User


def follow_create(*, follower: User, followed: User) -> None:
    """Make `follower` follow `followed`, and tell `followed` the first time."""
    if follower.pk == followed.pk:
        raise InvalidInputError("you cannot follow yourself", field="username")
    with transaction.atomic():
        # When a concurrent request inserted the same follow first, the unique
        # constraint refuses this one: only that request notifies.
        if insert_once(Follow(follower=follower, followed=followed)):
            notification_create(
                recipient_id=followed.pk, actor=follower, type=Notification.Type.FOLLOW
            )


def follow_delete(*, follower: User, followed: User) -> None:
    with transaction.atomic():
        Follow.objects.filter(follower=follower, followed=followed).delete()
