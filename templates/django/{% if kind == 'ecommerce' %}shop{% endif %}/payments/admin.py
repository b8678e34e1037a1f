from django.contrib import admin
from django.http import HttpRequest

from shop.payments.models import WebhookEvent


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    """The provider's events as received: a log to read, never to edit."""

    list_display = ("id", "type", "received_at")
    list_filter = ("type",)
    search_fields = ("id",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
