from django.apps import AppConfig


class SeedConfig(AppConfig):
    """`make seed` (python manage.py seed): a small network to try the API with."""

    name = "social.seed"
    label = "seed"
