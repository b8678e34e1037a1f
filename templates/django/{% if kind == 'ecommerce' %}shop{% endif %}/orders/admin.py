"""The admin site's pages for orders: /admin/orders/.

An order's lines show inline on its page. Statuses are not edited by hand: the
"Mark as shipped" action goes through the same service as the API, so the rules
(only a paid order ships) hold here too.
"""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from core.errors import ConflictError
from shop.orders import services
from shop.orders.models import IdempotencyKey, Order, OrderItem


class OrderItemInline(admin.TabularInline):
    model = OrderItem
    fields = ("product", "name", "unit_price_cents", "quantity")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ("id", "user", "status", "total_cents", "currency", "created_at")
    list_select_related = ("user",)
    list_filter = ("status",)
    search_fields = ("id", "user__email")
    date_hierarchy = "created_at"
    inlines = (OrderItemInline,)
    readonly_fields = (
        "user",
        "status",
        "total_cents",
        "currency",
        "payment_id",
        "payment_started_at",
        "created_at",
        "updated_at",
    )
    fields = (*readonly_fields, "shipping_address")
    actions = ("mark_shipped",)

    @admin.action(description="Mark the selected paid orders as shipped")
    def mark_shipped(self, request: HttpRequest, queryset: QuerySet[Order]) -> None:
        shipped = 0
        for order in queryset:
            try:
                services.order_ship(order=order)
                shipped += 1
            except ConflictError as error:
                self.message_user(request, f"Order {order.pk}: {error.message}", messages.WARNING)
        self.message_user(request, f"{shipped} order(s) marked as shipped.", messages.SUCCESS)


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    list_display = ("key", "user", "status_code", "created_at")
    list_select_related = ("user",)
    search_fields = ("key", "user__email")
    readonly_fields = ("user", "key", "fingerprint", "status_code", "content_type", "body")
