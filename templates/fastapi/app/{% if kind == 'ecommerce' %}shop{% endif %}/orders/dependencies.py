"""Load the order named in the path (the caller's own, or any for an admin), or 404."""

from typing import Annotated

from fastapi import Depends, Header

from app.core.db import SessionDep
from app.shop.accounts.dependencies import CurrentUser
from app.shop.catalog.dependencies import IdInPath
from app.shop.orders import service
from app.shop.orders.models import Order
from app.shop.payments.provider import PaymentProvider, get_payment_provider


def visible_order(session: SessionDep, user: CurrentUser, order_id: IdInPath) -> Order:
    return service.get_visible_order(session, order_id=order_id, user=user)


def expire_overdue() -> None:
    """Cancel unpaid orders past their hold before any order is read or changed,
    so that nobody sees (or pays) an order that should have expired."""
    service.expire_overdue_orders()


OrderDep = Annotated[Order, Depends(visible_order)]
PaymentProviderDep = Annotated[PaymentProvider, Depends(get_payment_provider)]
# Optional here so that a missing header is our 400 in the API's error shape.
IdempotencyKeyHeader = Annotated[
    str | None, Header(description="Any unique string (a UUID): a retry with it acts once")
]
