"""What the /cart endpoints accept and return."""

from typing import Annotated

from pydantic import BaseModel, Field

from app.shop.catalog.schemas import Id


# Sent to add a product (or more of it) to the cart.
class CartItemAdd(BaseModel):
    product_id: Id
    quantity: Annotated[int, Field(ge=1, le=10_000)]


# Sent to set a line's quantity; 0 removes the line.
class CartItemUpdate(BaseModel):
    quantity: Annotated[int, Field(ge=0, le=10_000)]


# One line of the cart, priced at the product's current price.
class CartLine(BaseModel):
    product_id: int
    name: str
    unit_price_cents: int
    quantity: int
    line_total_cents: int


# The whole cart.
class CartPublic(BaseModel):
    items: list[CartLine]
    subtotal_cents: int
    currency: str
