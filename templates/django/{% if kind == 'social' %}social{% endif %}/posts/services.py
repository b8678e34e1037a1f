"""Writes to posts. Each runs in one transaction (on SQLite it starts with BEGIN
IMMEDIATE: see DATABASES in config/settings/base.py)."""

from django.db import transaction

from core.rows import lock
from social.posts.models import Post
from social.users.models import User


def post_create(*, author: User, body: str) -> Post:
    with transaction.atomic():
        return Post.objects.create(author=author, body=body)


def post_delete(*, post: Post) -> None:
    """Delete a post; its likes, comments and the notifications about it go with it
    (their foreign keys say on_delete=CASCADE)."""
    with transaction.atomic():
        lock(post)  # no like or comment is added to it meanwhile
        post.delete()
