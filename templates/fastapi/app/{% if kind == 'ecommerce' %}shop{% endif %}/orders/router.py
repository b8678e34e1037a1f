"""Checkout, the caller's orders, payment, cancellation and shipping."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from app.core.db import SessionDep
from app.core.openapi import error_responses
from app.shop.accounts.dependencies import CurrentUser, require_admin
from app.shop.orders import idempotency, service
from app.shop.orders.dependencies import (
    IdempotencyKeyHeader,
    OrderDep,
    PaymentProviderDep,
    expire_overdue,
)
from app.shop.orders.schemas import (
    CheckoutRequest,
    OrderPublic,
    OrdersPage,
    OrderStatusUpdate,
    PageParams,
    PaymentRequest,
    order_public,
)

router = APIRouter(prefix="/orders", tags=["Orders"])
EXPIRE_FIRST = [Depends(expire_overdue)]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=OrderPublic,
    dependencies=EXPIRE_FIRST,
    responses=error_responses(400, 409),
)
def checkout(
    *,
    session: SessionDep,
    user: CurrentUser,
    body: CheckoutRequest,
    request: Request,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Turn your cart into an order and reserve its stock (Idempotency-Key required)."""
    address = body.shipping_address.model_dump()
    return idempotency.run_once(
        session,
        user=user,
        key=idempotency_key,
        request_fingerprint=idempotency.fingerprint("POST", request.url.path, body.model_dump()),
        status_code=status.HTTP_201_CREATED,
        action=lambda: order_public(service.checkout(session, user=user, shipping_address=address)),
    )


@router.get("", response_model=OrdersPage, dependencies=EXPIRE_FIRST)
def list_orders(
    *, session: SessionDep, user: CurrentUser, paging: Annotated[PageParams, Query()]
) -> OrdersPage:
    """Your orders, newest first."""
    orders, total = service.list_orders(
        session, user=user, page=paging.page, page_size=paging.page_size
    )
    return OrdersPage(
        items=[order_public(order) for order in orders],
        total=total,
        page=paging.page,
        page_size=paging.page_size,
    )


@router.get("/{order_id}", response_model=OrderPublic, dependencies=EXPIRE_FIRST)
def read_order(*, order: OrderDep) -> OrderPublic:
    """One of your orders (an admin may read any)."""
    return order_public(order)


@router.post(
    "/{order_id}/pay",
    response_model=OrderPublic,
    dependencies=EXPIRE_FIRST,
    responses=error_responses(400, 402, 409, 502),
)
def pay_order(
    *,
    session: SessionDep,
    user: CurrentUser,
    order: OrderDep,
    body: PaymentRequest,
    request: Request,
    provider: PaymentProviderDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> Response:
    """Pay an order with a card token (Idempotency-Key required): 402 declined, 502 outage."""
    return idempotency.run_once(
        session,
        user=user,
        key=idempotency_key,
        request_fingerprint=idempotency.fingerprint("POST", request.url.path, body.model_dump()),
        status_code=status.HTTP_200_OK,
        action=lambda: order_public(
            service.pay(
                session,
                order=order,
                payment_token=body.payment_token,
                # The provider gets the key too, scoped to this user: its own retry guard.
                idempotency_key=f"user-{user.id}-{idempotency_key}",
                provider=provider,
            )
        ),
    )


@router.post(
    "/{order_id}/cancel",
    response_model=OrderPublic,
    dependencies=EXPIRE_FIRST,
    responses=error_responses(409, 502),
)
def cancel_order(
    *, session: SessionDep, order: OrderDep, provider: PaymentProviderDep
) -> OrderPublic:
    """Cancel an unpaid order or refund a paid one; the stock comes back."""
    return order_public(service.cancel(session, order=order, provider=provider))


@router.patch(
    "/{order_id}",
    response_model=OrderPublic,
    dependencies=[Depends(require_admin), *EXPIRE_FIRST],
    responses=error_responses(403, 409),
)
def update_order_status(
    *, session: SessionDep, order: OrderDep, body: OrderStatusUpdate
) -> OrderPublic:
    """Mark a paid order as shipped (admin)."""
    del body  # "shipped" is the only status that can be set (checked by the schema)
    return order_public(service.ship(session, order=order))
