from django.apps import AppConfig


class UsersConfig(AppConfig):
    """Accounts: register, sign in, read and change one's own account."""

    name = "blog.users"
    label = "users"
