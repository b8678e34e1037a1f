from django.apps import AppConfig


class OrdersConfig(AppConfig):
    """Checkout, payment, cancellation, shipping and expiry; Idempotency-Key replays."""

    name = "shop.orders"
    label = "orders"
