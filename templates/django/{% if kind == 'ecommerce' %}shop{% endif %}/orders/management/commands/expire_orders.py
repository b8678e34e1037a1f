"""`make expire-orders`: cancel unpaid orders past ORDER_HOLD_MINUTES, returning their stock,
and delete the idempotency keys and webhook event ids too old to matter.

Meant for a scheduler (cron, a Kubernetes CronJob, your host's scheduled tasks),
e.g. every minute. Orders are also expired whenever orders are read; the two other
tables are emptied only here, so without a scheduler they grow with every checkout.
Run directly: uv run python manage.py expire_orders
"""

from datetime import datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from shop.orders.models import IdempotencyKey
from shop.orders.services import orders_expire_overdue
from shop.payments.models import WebhookEvent

# An Idempotency-Key protects a client's retries, which come within minutes or hours.
KEEP_IDEMPOTENCY_KEYS = timedelta(hours=24)
# The provider may deliver one event again for days (after an outage on either side):
# its id must be remembered at least that long, or it would be applied twice.
KEEP_WEBHOOK_EVENTS = timedelta(days=7)


def purge_old_records(now: datetime | None = None) -> tuple[int, int]:
    """Delete idempotency keys older than a day and webhook event ids older than a week.

    Returns how many of each were deleted.
    """
    now = now or timezone.now()
    with transaction.atomic():
        keys, _ = IdempotencyKey.objects.filter(created_at__lt=now - KEEP_IDEMPOTENCY_KEYS).delete()
        events, _ = WebhookEvent.objects.filter(received_at__lt=now - KEEP_WEBHOOK_EVENTS).delete()
    return keys, events


class Command(BaseCommand):
    help = (
        "Cancel unpaid orders older than ORDER_HOLD_MINUTES and return their stock; delete "
        "idempotency keys older than a day and webhook event ids older than a week."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Expired {orders_expire_overdue()} unpaid orders.")
        keys, events = purge_old_records()
        self.stdout.write(
            f"Deleted {keys} old idempotency keys and {events} old webhook event ids."
        )
