"""Every table of the shop in one import (app/models.py gathers them for Alembic)."""

from app.shop.accounts.models import User
from app.shop.cart.models import CartItem
from app.shop.catalog.models import Category, Product
from app.shop.orders.models import IdempotencyKey, Order, OrderItem
from app.shop.payments.models import WebhookEvent

__all__ = [
    "CartItem",
    "Category",
    "IdempotencyKey",
    "Order",
    "OrderItem",
    "Product",
    "User",
    "WebhookEvent",
]
