from django.apps import AppConfig


class CommentsConfig(AppConfig):
    """Comments under an article."""

    name = "blog.comments"
    label = "comments"
