"""`make expire-orders`: cancel unpaid orders past ORDER_HOLD_MINUTES, returning their stock,
and delete the idempotency keys and webhook event ids too old to matter.

Meant for a scheduler (cron, a Kubernetes CronJob, your host's scheduled tasks),
e.g. every minute. Orders are also expired whenever orders are read; the two other
tables are emptied only here, so without a scheduler they grow with every checkout.
Run directly: uv run python -m app.shop.orders.expire
"""

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table)
from app.core.db import engine, utc_now
from app.shop.orders.models import IdempotencyKey
from app.shop.orders.service import expire_overdue_orders
from app.shop.payments.models import WebhookEvent

# An Idempotency-Key protects a client's retries, which come within minutes or hours.
KEEP_IDEMPOTENCY_KEYS = timedelta(hours=24)
# The provider may deliver one event again for days (after an outage on either side):
# its id must be remembered at least that long, or it would be applied twice.
KEEP_WEBHOOK_EVENTS = timedelta(days=7)


def purge_old_records(now: datetime | None = None) -> tuple[int, int]:
    """Delete idempotency keys older than a day and webhook event ids older than a week.

    Returns how many of each were deleted.
    """
    now = now or utc_now()
    with Session(engine) as session, session.begin():
        keys = session.execute(
            delete(IdempotencyKey).where(IdempotencyKey.created_at < now - KEEP_IDEMPOTENCY_KEYS)
        )
        events = session.execute(
            delete(WebhookEvent).where(WebhookEvent.received_at < now - KEEP_WEBHOOK_EVENTS)
        )
    return keys.rowcount, events.rowcount  # type: ignore[attr-defined]


def main() -> None:
    print(f"Expired {expire_overdue_orders()} unpaid orders.")
    keys, events = purge_old_records()
    print(f"Deleted {keys} old idempotency keys and {events} old webhook event ids.")


if __name__ == "__main__":
    main()
