from django.contrib import admin

from shop.cart.models import CartItem


@admin.register(CartItem)
class CartItemAdmin(admin.ModelAdmin):
    """Read-mostly: what customers have in their carts right now."""

    list_display = ("user", "product", "quantity", "added_at")
    list_select_related = ("user", "product")
    search_fields = ("user__email", "product__name")
    raw_id_fields = ("user", "product")
