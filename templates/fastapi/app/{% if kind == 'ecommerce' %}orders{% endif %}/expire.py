"""`make expire-orders`: cancel unpaid orders past ORDER_HOLD_MINUTES, returning their stock.

Meant for a scheduler (cron, a Kubernetes CronJob, your host's scheduled tasks),
e.g. every minute. Orders are also expired whenever orders are read.
Run directly: uv run python -m app.orders.expire
"""

from app import models  # noqa: F401 (registers every table)
from app.orders.service import expire_overdue_orders


def main() -> None:
    print(f"Expired {expire_overdue_orders()} unpaid orders.")


if __name__ == "__main__":
    main()
