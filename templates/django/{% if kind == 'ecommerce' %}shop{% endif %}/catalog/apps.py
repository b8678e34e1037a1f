from django.apps import AppConfig


class CatalogConfig(AppConfig):
    """Categories and products: browsed by anyone, changed by admins."""

    name = "shop.catalog"
    label = "catalog"

    def ready(self) -> None:
        # Registers the settings check (imported for its effect).
        from shop.catalog import checks  # noqa: F401
