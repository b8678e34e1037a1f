"""The signed-in customer's cart. Every change answers with the whole cart."""

from fastapi import APIRouter, Response, status

from app.core.db import SessionDep
from app.core.openapi import error_responses
from app.shop.accounts.dependencies import CurrentUser
from app.shop.cart import service
from app.shop.cart.schemas import CartItemAdd, CartItemUpdate, CartPublic
from app.shop.catalog.dependencies import IdInPath

router = APIRouter(prefix="/cart", tags=["Cart"])


@router.get("", response_model=CartPublic)
def read_cart(*, session: SessionDep, user: CurrentUser) -> CartPublic:
    """Your cart, priced at today's prices."""
    return service.read_cart(session, user=user)


@router.post("/items", response_model=CartPublic, responses=error_responses(404))
def add_item(*, session: SessionDep, user: CurrentUser, body: CartItemAdd) -> CartPublic:
    """Add a product, or more of one already in the cart."""
    service.add_item(session, user=user, product_id=body.product_id, quantity=body.quantity)
    return service.read_cart(session, user=user)


@router.patch("/items/{product_id}", response_model=CartPublic)
def update_item(
    *, session: SessionDep, user: CurrentUser, product_id: IdInPath, body: CartItemUpdate
) -> CartPublic:
    """Set a line's quantity; 0 removes it."""
    service.set_quantity(session, user=user, product_id=product_id, quantity=body.quantity)
    return service.read_cart(session, user=user)


@router.delete("/items/{product_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_item(*, session: SessionDep, user: CurrentUser, product_id: IdInPath) -> Response:
    """Remove a product from the cart (nothing happens if it was not there)."""
    service.remove_item(session, user=user, product_id=product_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
