from django.apps import AppConfig


class FollowsConfig(AppConfig):
    """Who follows whom: follow, unfollow, the followers and following lists."""

    name = "social.follows"
    label = "follows"
