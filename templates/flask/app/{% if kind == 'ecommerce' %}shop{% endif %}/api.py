"""The shop's endpoints: one blueprint per area, served under /api by app/api.py.

Also what the app needs to know about the shop: its errors' HTTP statuses, the
headers a browser may send, its `flask` commands, and the payment provider,
loaded when the app is made.
"""

from flask import Blueprint
from flask.blueprints import BlueprintSetupState

from app.core.error_handlers import add_error_statuses
from app.shop.accounts.auth import load_signed_in_user
from app.shop.accounts.routes import blueprint as accounts
from app.shop.cart.routes import blueprint as cart
from app.shop.catalog.routes import blueprint as catalog
from app.shop.commands import COMMANDS
from app.shop.orders.routes import blueprint as orders
from app.shop.payments.errors import PaymentDeclinedError, UpstreamServiceError
from app.shop.payments.provider import get_payment_provider
from app.shop.payments.routes import blueprint as payments

# cli_group=None: the commands are `flask seed`, not `flask shop seed`.
blueprint = Blueprint("shop", __name__, cli_group=None)
for command in COMMANDS:
    blueprint.cli.add_command(command)
# Every shop request first reads its token, if it has one (g.user): a bad or expired
# token gets 401 even where anyone may call.
blueprint.before_request(load_signed_in_user)
for area in (accounts, catalog, cart, orders, payments):
    blueprint.register_blueprint(area)


@blueprint.record_once
def load_payment_provider(_state: BlueprintSetupState) -> None:
    # A wrong PAYMENT_PROVIDER stops the app when it is made, not at the first payment.
    get_payment_provider()


# Request headers a browser front end may send besides Authorization and Content-Type
# (app/api.py lists them for CORS): checkout and payment take an Idempotency-Key.
REQUEST_HEADERS = ["Idempotency-Key"]

# 402 Payment Required: the card was declined; 502 Bad Gateway: the provider failed.
add_error_statuses({PaymentDeclinedError: 402, UpstreamServiceError: 502})
