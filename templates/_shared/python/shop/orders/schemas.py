"""What the /orders endpoints accept and return."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.core.schemas import Timestamp
from app.shop.orders.models import Order, OrderStatus

Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


# Where to send the order.
class ShippingAddress(BaseModel):
    name: Line
    line1: Line
    city: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    postal_code: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20)
    ]
    # ISO 3166-1 alpha-2, e.g. "FR", "DE", "US".
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


# Sent to check out the cart.
class CheckoutRequest(BaseModel):
    shipping_address: ShippingAddress


# Sent to pay an order: a token from the provider's card form (sandbox: tok_visa...).
class PaymentRequest(BaseModel):
    payment_token: Annotated[str, StringConstraints(min_length=1, max_length=255)]


# Sent by an admin to ship an order: "shipped" is the only status set this way.
class OrderStatusUpdate(BaseModel):
    status: Literal["shipped"]


# One line of an order, at the price paid.
class OrderLine(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    product_id: int | None
    name: str
    unit_price_cents: int
    quantity: int
    line_total_cents: int


# An order as the API shows it.
class OrderPublic(BaseModel):
    id: int
    status: OrderStatus
    items: list[OrderLine]
    total_cents: int
    currency: str
    shipping_address: ShippingAddress
    created_at: Timestamp
    updated_at: Timestamp


# One page of orders.
class OrdersPage(BaseModel):
    items: list[OrderPublic]
    total: int
    page: int
    page_size: int


# The query string of GET /orders.
class PageParams(BaseModel):
    page: Annotated[int, Field(ge=1)] = 1
    page_size: Annotated[int, Field(ge=1, le=100)] = 20


def order_public(order: Order) -> OrderPublic:
    """The API's view of an order (its items must be loaded)."""
    return OrderPublic(
        id=order.id,
        status=order.status,
        items=[
            OrderLine(
                product_id=item.product_id,
                name=item.name,
                unit_price_cents=item.unit_price_cents,
                quantity=item.quantity,
                line_total_cents=item.unit_price_cents * item.quantity,
            )
            for item in order.items
        ],
        total_cents=order.total_cents,
        currency=order.currency,
        shipping_address=ShippingAddress.model_validate(order.shipping_address),
        created_at=order.created_at,
        updated_at=order.updated_at,
    )
