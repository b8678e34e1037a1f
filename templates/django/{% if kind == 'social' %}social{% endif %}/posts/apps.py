from django.apps import AppConfig


class PostsConfig(AppConfig):
    """Short posts: publish, read, delete, and each user's posts."""

    name = "social.posts"
    label = "posts"
