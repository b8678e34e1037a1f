from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    """The payment provider (an offline sandbox by default) and its signed webhook."""

    name = "shop.payments"
    label = "payments"

    def ready(self) -> None:
        # Registers the webhook secret's check (imported for its effect).
        from shop.payments import checks  # noqa: F401
