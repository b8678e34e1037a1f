"""POST /payments/webhook: events from the payment provider, signed with a shared secret."""

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel

from app.core.config import settings
from app.core.db import SessionDep
from app.core.errors import BadRequestError
from app.core.openapi import error_responses
from app.shop.payments import service, signatures

router = APIRouter(prefix="/payments", tags=["Payments"])


async def raw_body(request: Request) -> bytes:
    # The signature covers the exact bytes sent: parse only after checking them.
    return await request.body()


class WebhookAnswer(BaseModel):
    status: str


@router.post("/webhook", response_model=WebhookAnswer, responses=error_responses(400, 413))
def receive_event(
    *,
    session: SessionDep,
    body: Annotated[bytes, Depends(raw_body)],
    payment_signature: Annotated[str | None, Header()] = None,
) -> WebhookAnswer:
    """Receive a signed event (payment.succeeded, payment.refunded); 400 if unsigned."""
    signatures.verify(payment_signature, body, secret=settings.PAYMENT_WEBHOOK_SECRET)
    try:
        event: Any = json.loads(body)
    except ValueError:
        raise BadRequestError("The body is not valid JSON.") from None
    return WebhookAnswer(status=service.handle_event(session, event=event))
