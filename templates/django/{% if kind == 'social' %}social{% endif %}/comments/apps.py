from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Comments under posts: list (oldest first), add, delete."""

    name = "social.comments"
    label = "comments"
