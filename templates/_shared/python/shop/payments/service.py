"""Apply the payment provider's events to orders, each event at most once."""

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

{% if cache == 'redis' %}from app.core.cache import cache
{% endif %}from app.core.errors import BadRequestError
{%- if cache == 'redis' %}
from app.shop.catalog.service import CATALOGUE_CACHE
{%- endif %}
from app.shop.orders import service as orders
from app.shop.orders.models import Order
from app.shop.payments.models import WebhookEvent

logger = logging.getLogger(__name__)

MAX_ID = 2**31 - 1  # the largest id an INTEGER column holds


def handle_event(session: Session, *, event: Any) -> str:
    """Apply one event; answer "processed", "ignored" (does not apply) or "duplicate"."""
    if not isinstance(event, dict) or not isinstance(event.get("id"), str) or not event["id"]:
        raise BadRequestError("The body is not an event: it needs a string id.")
    event_type = str(event.get("type", ""))
    # Recorded first, in the same transaction as its effect: if the id was seen
    # before, the primary key refuses it and nothing else happens.
    session.add(WebhookEvent(id=event["id"][:255], type=event_type[:100]))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        return "duplicate"
    order = _order_of(session, event)
    applied = False
    if order is not None and event_type == "payment.succeeded":
        applied = _pays_this_order(event, order) and orders.mark_paid(
            session, order=order, charge_id=_charge_id_of(event)
        )
    elif order is not None and event_type == "payment.refunded":
        applied = orders.mark_refunded(session, order=order)
    session.commit()
{%- if cache == 'redis' %}
    if applied and event_type == "payment.refunded":
        cache.invalidate(CATALOGUE_CACHE)  # the stock may have come back
{%- endif %}
    if not applied:
        logger.info("Webhook event %s (%s) does not apply: ignored", event["id"], event_type)
    return "processed" if applied else "ignored"


def _order_of(session: Session, event: dict[str, Any]) -> Order | None:
    data = event.get("data")
    order_id = data.get("order_id") if isinstance(data, dict) else None
    # bool is an int in Python ("order_id": true must not mean order 1), and an id
    # beyond the column's range would make the database driver fail.
    if type(order_id) is not int or not 0 < order_id <= MAX_ID:
        return None
    return session.scalar(
        select(Order).options(selectinload(Order.items)).where(Order.id == order_id)
    )


def _pays_this_order(event: dict[str, Any], order: Order) -> bool:
    """False if the event names an amount or a currency other than the order's.

    A payment of 1 cent must not pay an order of 50 euros. An event without them
    (the provider's minimal form) is trusted: its signature proves its origin.
    """
    data = event["data"]
    amount, currency = data.get("amount_cents"), data.get("currency")
    if amount is not None and (type(amount) is not int or amount != order.total_cents):
        return False
    return currency is None or currency == order.currency


def _charge_id_of(event: dict[str, Any]) -> str | None:
    charge_id = event["data"].get("charge_id")
    return charge_id[:255] if isinstance(charge_id, str) and charge_id else None
