from django.conf import settings
from django.db import models

from shop.catalog.models import Product


class CartItem(models.Model):
    """A product and a quantity in a customer's cart. A customer's cart is simply their lines."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cart_items"
    )
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("added_at", "id")
        constraints = [  # noqa: RUF012
            # One line per product: adding it again increases the quantity instead.
            # Its index (user first) also serves "this user's cart".
            models.UniqueConstraint(fields=("user", "product"), name="one_line_per_product"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="quantity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_id} for {self.user_id}"
