"""Notifications: made by follows, likes and comments; marked read by their recipient.

Two rules live in notification_create(): nobody is notified of their own actions,
and liking or following again (after undoing it) does not notify twice.
"""

from django.db import transaction

from social.notifications.models import Notification
from social.posts.models import Post
from social.users.models import User


def notification_create(
    *, recipient_id: int, actor: User, type: Notification.Type, post: Post | None = None
) -> None:
    """Add a notification to the caller's transaction, unless a rule says not to.

    Comments always notify (each one is new); a like or a follow only the first time.
    """
    if recipient_id == actor.pk:
        return
    if type != Notification.Type.COMMENT:
        already_told = Notification.objects.filter(
            recipient_id=recipient_id, actor=actor, type=type, post=post
        ).exists()
        if already_told:
            return
    Notification.objects.create(recipient_id=recipient_id, actor=actor, type=type, post=post)


def notifications_mark_read(*, user: User, ids: list[int] | None) -> None:
    """Mark the user's notifications with these ids read, or all of them (ids=None).

    Filtering by recipient first means other people's ids are silently ignored.
    """
    notifications = Notification.objects.filter(recipient=user, read=False)
    if ids is not None:
        notifications = notifications.filter(pk__in=ids)
    with transaction.atomic():
        notifications.update(read=True)
