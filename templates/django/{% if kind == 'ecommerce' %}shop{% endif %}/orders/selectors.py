"""Reads of orders, each with its lines, in a fixed number of queries."""

from django.db.models import QuerySet

from core.errors import NotFoundError
from shop.accounts.models import User
from shop.orders.models import Order


def order_list(*, user: User) -> QuerySet[Order]:
    """The user's orders, newest first, with their lines (prefetched: one more query)."""
    return Order.objects.filter(user=user).prefetch_related("items").order_by("-created_at", "-id")


def order_get_visible(*, order_id: int, user: User) -> Order:
    """The caller's own order, or any order for an admin. Others get 404, not 403,
    so that nobody can find out which order numbers exist."""
    order = Order.objects.prefetch_related("items").filter(pk=order_id).first()
    if order is None or (order.user_id != user.pk and not user.is_shop_admin):
        raise NotFoundError("no order of yours has this id")
    return order
