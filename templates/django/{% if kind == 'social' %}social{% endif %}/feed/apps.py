from django.apps import AppConfig


class FeedConfig(AppConfig):
    """The home feed: no tables of its own, a query over posts and follows."""

    name = "social.feed"
    label = "feed"
