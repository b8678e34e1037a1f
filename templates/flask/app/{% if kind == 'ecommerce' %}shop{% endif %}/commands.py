"""The shop's `flask` commands, which the Makefile runs: seed, create-admin, expire-orders.

The shop's blueprint registers them with no group of its own (app/shop/api.py), so
they are `flask --app app seed`, not `flask --app app shop seed`. Flask runs each
inside an app context: they use the app's settings and database.
"""

import click
from flask.cli import with_appcontext

from app.shop.accounts import create_admin
from app.shop.catalog import seed
from app.shop.orders import expire


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """Fill an empty shop with a few categories and products (safe to run twice)."""
    seed.main()


@click.command("create-admin")
@with_appcontext
@click.argument("email")
@click.option("--name", default="Admin", show_default=True)
def create_admin_command(email: str, name: str) -> None:
    """Create an admin, or promote the account of EMAIL. The password comes from
    ADMIN_PASSWORD, or is asked for (never on the command line)."""
    create_admin.main([email, "--name", name])


@click.command("expire-orders")
@with_appcontext
def expire_orders_command() -> None:
    """Cancel unpaid orders past ORDER_HOLD_MINUTES; delete old idempotency keys and
    webhook event ids (run it from a scheduler)."""
    expire.main()


COMMANDS = [seed_command, create_admin_command, expire_orders_command]
