"""`make expire-orders`: cancel unpaid orders past ORDER_HOLD_MINUTES, returning their stock.

Meant for a scheduler (cron, a Kubernetes CronJob, your host's scheduled tasks),
e.g. every minute. Orders are also expired whenever orders are read.
Run directly: uv run python manage.py expire_orders
"""

from typing import Any

from django.core.management.base import BaseCommand

from shop.orders.services import orders_expire_overdue


class Command(BaseCommand):
    help = "Cancel unpaid orders older than ORDER_HOLD_MINUTES and return their stock."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Expired {orders_expire_overdue()} unpaid orders.")
