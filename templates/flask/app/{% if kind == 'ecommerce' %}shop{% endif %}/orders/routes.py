"""Checkout, the caller's orders, payment, cancellation and shipping.

Before any of these views, unpaid orders past their hold are cancelled (the
blueprint's before_request), so that nobody sees, or pays, an order that should
have expired.
"""

from typing import Any

from flask import Blueprint, Response, request

from app.core.db import session
from app.core.validation import json_body, query_parameters
from app.shop.accounts.auth import admin_required, current_user, login_required
from app.shop.orders import idempotency, service
from app.shop.orders.models import Order
from app.shop.orders.schemas import (
    CheckoutRequest,
    OrdersPage,
    OrderStatusUpdate,
    PageParams,
    PaymentRequest,
    order_public,
)
from app.shop.path_ids import path_id
from app.shop.payments.provider import get_payment_provider

blueprint = Blueprint("orders", __name__, url_prefix="/orders")


@blueprint.before_request
def expire_overdue() -> None:
    service.expire_overdue_orders()


def visible_order(order_id: str) -> Order:
    """The caller's own order (any order for an admin), or 404."""
    return service.get_visible_order(
        session(), order_id=path_id(order_id, name="order_id"), user=current_user()
    )


def order_json(order: Order) -> dict[str, Any]:
    return order_public(order).model_dump(mode="json")


@blueprint.post("")
@login_required
def checkout() -> Response:
    """Turn your cart into an order and reserve its stock (Idempotency-Key required)."""
    body = json_body(CheckoutRequest)
    user = current_user()
    address = body.shipping_address.model_dump()
    return idempotency.run_once(
        session(),
        user=user,
        key=request.headers.get("Idempotency-Key"),
        request_fingerprint=idempotency.fingerprint("POST", request.path, body.model_dump()),
        status_code=201,
        action=lambda: order_public(
            service.checkout(session(), user=user, shipping_address=address)
        ),
    )


@blueprint.get("")
@login_required
def list_orders() -> dict[str, Any]:
    """Your orders, newest first."""
    paging = query_parameters(PageParams)
    orders, total = service.list_orders(
        session(), user=current_user(), page=paging.page, page_size=paging.page_size
    )
    page = OrdersPage(
        items=[order_public(order) for order in orders],
        total=total,
        page=paging.page,
        page_size=paging.page_size,
    )
    return page.model_dump(mode="json")


@blueprint.get("/<order_id>")
@login_required
def read_order(order_id: str) -> dict[str, Any]:
    """One of your orders (an admin may read any)."""
    return order_json(visible_order(order_id))


@blueprint.post("/<order_id>/pay")
@login_required
def pay_order(order_id: str) -> Response:
    """Pay an order with a card token (Idempotency-Key required): 402 declined, 502 outage."""
    order = visible_order(order_id)
    body = json_body(PaymentRequest)
    user = current_user()
    key = request.headers.get("Idempotency-Key")
    return idempotency.run_once(
        session(),
        user=user,
        key=key,
        request_fingerprint=idempotency.fingerprint("POST", request.path, body.model_dump()),
        status_code=200,
        action=lambda: order_public(
            service.pay(
                session(),
                order=order,
                payment_token=body.payment_token,
                # The provider gets the key too, scoped to this user: its own retry guard.
                idempotency_key=f"user-{user.id}-{key}",
                provider=get_payment_provider(),
            )
        ),
    )


@blueprint.post("/<order_id>/cancel")
@login_required
def cancel_order(order_id: str) -> dict[str, Any]:
    """Cancel an unpaid order or refund a paid one; the stock comes back."""
    order = visible_order(order_id)
    return order_json(service.cancel(session(), order=order, provider=get_payment_provider()))


@blueprint.patch("/<order_id>")
@admin_required
def update_order_status(order_id: str) -> dict[str, Any]:
    """Mark a paid order as shipped (admin)."""
    order = visible_order(order_id)
    json_body(OrderStatusUpdate)  # "shipped" is the only status that can be set
    return order_json(service.ship(session(), order=order))
