"""The signed-in customer's cart. Every change answers with the whole cart."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.validation import json_body
from app.shop.accounts.auth import current_user, login_required
from app.shop.cart import service
from app.shop.cart.schemas import CartItemAdd, CartItemUpdate
from app.shop.path_ids import path_id

blueprint = Blueprint("cart", __name__, url_prefix="/cart")


def cart_json() -> dict[str, Any]:
    """The caller's cart, priced at today's prices."""
    return service.read_cart(session(), user=current_user()).model_dump(mode="json")


@blueprint.get("")
@login_required
def read_cart() -> dict[str, Any]:
    """Your cart, priced at today's prices."""
    return cart_json()


@blueprint.post("/items")
@login_required
def add_item() -> dict[str, Any]:
    """Add a product, or more of one already in the cart."""
    body = json_body(CartItemAdd)
    service.add_item(
        session(), user=current_user(), product_id=body.product_id, quantity=body.quantity
    )
    return cart_json()


@blueprint.patch("/items/<product_id>")
@login_required
def update_item(product_id: str) -> dict[str, Any]:
    """Set a line's quantity; 0 removes it."""
    product_id_number = path_id(product_id, name="product_id")
    body = json_body(CartItemUpdate)
    service.set_quantity(
        session(), user=current_user(), product_id=product_id_number, quantity=body.quantity
    )
    return cart_json()


@blueprint.delete("/items/<product_id>")
@login_required
def remove_item(product_id: str) -> tuple[str, int]:
    """Remove a product from the cart (nothing happens if it was not there)."""
    product_id_number = path_id(product_id, name="product_id")
    service.remove_item(session(), user=current_user(), product_id=product_id_number)
    return "", 204
