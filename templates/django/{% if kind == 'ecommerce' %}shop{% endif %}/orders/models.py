from django.conf import settings
from django.db import models

from shop.catalog.models import Product


class OrderStatus(models.TextChoices):
    """pending_payment -> paid -> shipped; -> cancelled (unpaid); -> refunded (paid, shipped)."""

    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


class Order(models.Model):
    """A checked-out cart. Its status only ever changes through shop/orders/services.py."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orders"
    )
    status = models.CharField(
        max_length=20, choices=OrderStatus.choices, default=OrderStatus.PENDING_PAYMENT
    )
    total_cents = models.IntegerField()
    currency = models.CharField(max_length=3)
    shipping_address = models.JSONField()
    # Set while a charge is with the provider, so that a second payment is refused (409)
    # and the order is not cancelled under it.
    payment_started_at = models.DateTimeField(null=True, blank=True)
    # The provider's charge id, needed to refund it.
    payment_id = models.CharField(max_length=255, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = [  # noqa: RUF012
            # "My orders, newest first" and "unpaid orders older than the hold" are the
            # two ways orders are looked up: one index each.
            models.Index(fields=("user", "created_at"), name="order_user_created_idx"),
            models.Index(fields=("status", "created_at"), name="order_status_created_idx"),
        ]

    def __str__(self) -> str:
        return f"Order {self.pk} ({self.status})"


class OrderItem(models.Model):
    """One line of an order. Name and price are copied: later catalogue edits do not change it."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    # SET_NULL: deleting a product from the catalogue keeps the orders that sold it.
    product = models.ForeignKey(
        Product, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    unit_price_cents = models.IntegerField()
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return f"{self.quantity} x {self.name}"

    @property
    def line_total_cents(self) -> int:
        return self.unit_price_cents * self.quantity


class IdempotencyKey(models.Model):
    """The first answer given for a client's Idempotency-Key, replayed on every repeat."""

    # A key belongs to its user: two customers may happen to pick the same one.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # A hash of method, path and body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    # Empty while the first request is still running.
    status_code = models.IntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True, default="")
    body = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(fields=("user", "key"), name="one_answer_per_user_and_key"),
        ]

    def __str__(self) -> str:
        return self.key
