"""The cart's rules: known products only, never more than is in stock.

Stock is only checked here, not reserved: it is reserved at checkout
(shop/orders/services.py), where it is checked again.
"""

from django.db import transaction
from django.db.models import F

from core.errors import InvalidInputError, NotFoundError
from core.rows import insert_once
from shop.accounts.models import User
from shop.cart.models import CartItem
from shop.catalog.models import Product


def _check_stock(product: Product, quantity: int) -> None:
    if quantity > product.stock:
        raise InvalidInputError(f"only {product.stock} of this product in stock", field="quantity")


def cart_add_item(*, user: User, product_id: int, quantity: int) -> None:
    """Add a product, or more of one already in the cart."""
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        raise NotFoundError("no product has this id", field="product_id")
    with transaction.atomic():
        # Each statement is atomic on its own, so two quick clicks on "add" add up, and
        # an add beside a removal never trips over a line that just came or went: the
        # UPDATE increases the line if there is one, else the INSERT makes it, and if a
        # concurrent add made it first, the UPDATE runs again.
        line = CartItem.objects.filter(user=user, product=product)
        while not line.update(quantity=F("quantity") + quantity):
            if insert_once(CartItem(user=user, product=product, quantity=quantity)):
                break
        # Too many: the error undoes this add (the transaction is rolled back).
        _check_stock(product, line.values_list("quantity", flat=True).get())


def cart_set_quantity(*, user: User, product_id: int, quantity: int) -> None:
    """Set a line's quantity; 0 removes the line."""
    with transaction.atomic():
        item = (
            CartItem.objects.select_for_update()
            .select_related("product")
            .filter(user=user, product_id=product_id)
            .first()
        )
        if item is None:
            raise NotFoundError("this product is not in your cart", field="product_id")
        if quantity == 0:
            item.delete()
            return
        _check_stock(item.product, quantity)
        item.quantity = quantity
        item.save(update_fields=["quantity"])


def cart_remove_item(*, user: User, product_id: int) -> None:
    """Remove a product from the cart (nothing happens if it was not there)."""
    with transaction.atomic():
        CartItem.objects.filter(user=user, product_id=product_id).delete()
