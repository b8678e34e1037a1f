"""Apply the payment provider's events to orders, each event at most once."""

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.core.errors import BadRequestError
from app.orders import service as orders
from app.orders.models import Order
from app.payments.models import WebhookEvent

logger = logging.getLogger(__name__)


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
        applied = orders.mark_paid(session, order=order)
    elif order is not None and event_type == "payment.refunded":
        applied = orders.mark_refunded(session, order=order)
    session.commit()
    if not applied:
        logger.info("Webhook event %s (%s) does not apply: ignored", event["id"], event_type)
    return "processed" if applied else "ignored"


def _order_of(session: Session, event: dict[str, Any]) -> Order | None:
    data = event.get("data")
    order_id = data.get("order_id") if isinstance(data, dict) else None
    # bool is an int in Python: "order_id": true must not mean order 1.
    if not isinstance(order_id, int) or isinstance(order_id, bool):
        return None
    return session.scalar(
        select(Order).options(selectinload(Order.items)).where(Order.id == order_id)
    )
