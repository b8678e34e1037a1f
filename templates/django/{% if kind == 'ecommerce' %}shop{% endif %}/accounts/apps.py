from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Customers and admins: register, sign in, the current user, `create_admin`."""

    name = "shop.accounts"
    label = "accounts"
