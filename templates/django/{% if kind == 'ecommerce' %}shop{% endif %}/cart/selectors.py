"""Reads of the cart: its lines with their products, in one query."""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from shop.accounts.models import User
from shop.cart.models import CartItem


def cart_items(*, user: User) -> QuerySet[CartItem]:
    return CartItem.objects.select_related("product").filter(user=user).order_by("added_at", "id")


def cart_summary(*, user: User) -> dict[str, Any]:
    """The cart as the API shows it, priced at today's prices."""
    lines = [
        {
            "product_id": item.product_id,
            "name": item.product.name,
            "unit_price_cents": item.product.price_cents,
            "quantity": item.quantity,
            "line_total_cents": item.product.price_cents * item.quantity,
        }
        for item in cart_items(user=user)
    ]
    return {
        "items": lines,
        "subtotal_cents": sum(line["line_total_cents"] for line in lines),
        "currency": settings.SHOP_CURRENCY,
    }
