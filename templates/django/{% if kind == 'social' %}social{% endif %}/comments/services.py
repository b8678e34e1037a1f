"""Writes to comments."""

from django.db import transaction

from core.rows import lock
from social.comments.models import Comment
from social.notifications.models import Notification
from social.notifications.services import notification_create
from social.posts.models import Post
from social.users.models import User


def comment_create(*, post: Post, author: User, body: str) -> Comment:
    """Add a comment and tell the post's author (every comment is news to them)."""
    with transaction.atomic():
        lock(post)  # not deleted while the comment is added
        comment = Comment.objects.create(post=post, author=author, body=body)
        notification_create(
            recipient_id=post.author_id, actor=author, type=Notification.Type.COMMENT, post=post
        )
    return comment


def comment_delete(*, comment: Comment) -> None:
    with transaction.atomic():
        comment.delete()
