"""Like and unlike: both are safe to repeat, also when the repeats arrive at once."""

from django.db import transaction

from core.rows import insert_once, lock
from social.likes.models import Like
from social.notifications.models import Notification
from social.notifications.services import notification_create
from social.posts.models import Post
from social.users.models import User


def like_create(*, user: User, post: Post) -> None:
    """Like a post, and tell its author the first time.

    On PostgreSQL, ten identical requests at once all reach the INSERT; the unique
    constraint lets one through and makes the others wait for it, then refuse
    (insert_once), so every request answers 200 and only the winner notifies. On
    SQLite the transactions start with BEGIN IMMEDIATE and simply run one after
    the other.
    """
    with transaction.atomic():
        lock(post)  # not deleted while the like is added
        if insert_once(Like(user=user, post=post)):
            notification_create(
                recipient_id=post.author_id, actor=user, type=Notification.Type.LIKE, post=post
            )


def like_delete(*, user: User, post: Post) -> None:
    with transaction.atomic():
        Like.objects.filter(user=user, post=post).delete()
