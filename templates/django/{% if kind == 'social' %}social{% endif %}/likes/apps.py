from django.apps import AppConfig


class LikesConfig(AppConfig):
    """Likes: one per user per post, even when the same like arrives twice at once."""

    name = "social.likes"
    label = "likes"
