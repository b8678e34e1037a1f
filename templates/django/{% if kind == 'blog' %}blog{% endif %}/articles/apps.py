from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    """Articles, tags, favourites and the feed."""

    name = "blog.articles"
    label = "articles"
