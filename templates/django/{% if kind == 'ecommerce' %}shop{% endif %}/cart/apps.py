from django.apps import AppConfig


class CartConfig(AppConfig):
    """The cart: one per signed-in customer, one line per product."""

    name = "shop.cart"
    label = "cart"
