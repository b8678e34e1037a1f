from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every feature shares: errors, security headers, the login limit, health."""

    name = "core"

    def ready(self) -> None:
        # Registers the token's description with drf-spectacular (imported for its effect).
        from core import schema  # noqa: F401
