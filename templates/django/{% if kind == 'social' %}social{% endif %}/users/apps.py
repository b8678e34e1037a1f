from django.apps import AppConfig


class UsersConfig(AppConfig):
    """Accounts and profiles: register, sign in, the current user, profiles and search."""

    name = "social.users"
    label = "users"
