"""POST /payments/webhook: events from the payment provider, signed with a shared secret."""

import json
from typing import Any

from flask import Blueprint, request

from app.core.config import settings
from app.core.db import session
from app.core.errors import BadRequestError
from app.shop.payments import service, signatures

blueprint = Blueprint("payments", __name__, url_prefix="/payments")


@blueprint.post("/webhook")
def receive_event() -> dict[str, Any]:
    """Receive a signed event (payment.succeeded, payment.refunded); 400 if unsigned."""
    # The signature covers the exact bytes sent: parse only after checking them.
    body = request.get_data(cache=True)
    signatures.verify(
        request.headers.get("Payment-Signature"), body, secret=settings.PAYMENT_WEBHOOK_SECRET
    )
    try:
        event: Any = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequestError("The body is not valid JSON.") from None
    return {"status": service.handle_event(session(), event=event)}
