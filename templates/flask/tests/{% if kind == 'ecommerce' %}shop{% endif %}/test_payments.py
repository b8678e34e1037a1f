"""Paying through the sandbox provider: tok_visa pays, tok_declined 402, tok_error 502."""

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app import create_app
from app.core.config import settings
from app.core.db import engine
from app.shop.orders import routes as orders_routes
from app.shop.orders.models import Order, OrderStatus
from app.shop.payments import service as payments
from app.shop.payments.provider import Charge, SandboxProvider, get_payment_provider, load_provider
from tests.shop.factories import auth_headers, create_order, create_user, idempotency_headers


def pay(client: FlaskClient, order: Order, headers: dict[str, str], token: str = "tok_visa") -> Any:  # noqa: S107
    url = f"/api/orders/{order.id}/pay"
    return client.post(url, json={"payment_token": token}, headers=headers)


def status_of(session: Session, order: Order) -> OrderStatus:
    session.expire_all()
    return session.get_one(Order, order.id).status


def test_tok_visa_pays_the_order(
    client: FlaskClient, session: Session, sandbox: SandboxProvider
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    response = pay(client, order, idempotency_headers(user))

    assert response.status_code == 200
    assert response.json["status"] == "paid"
    assert [charge.amount_cents for charge in sandbox.charges.values()] == [order.total_cents]


def test_tok_declined_returns_402_and_the_order_stays_payable(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    declined = pay(client, order, idempotency_headers(user), "tok_declined")
    retried = pay(client, order, idempotency_headers(user))

    assert declined.status_code == 402
    assert declined.headers["content-type"] == "application/problem+json"
    assert retried.status_code == 200


def test_tok_error_returns_502_charges_nothing_and_leaves_the_key_unused(
    client: FlaskClient, session: Session, sandbox: SandboxProvider
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    headers = idempotency_headers(user)

    outage = pay(client, order, headers, "tok_error")

    assert outage.status_code == 502
    assert sandbox.charges == {}
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT
    # The key was not used up: the same key now pays.
    assert pay(client, order, headers).status_code == 200


def test_one_key_never_charges_twice(
    client: FlaskClient, session: Session, sandbox: SandboxProvider
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    headers = idempotency_headers(user)

    first, second = pay(client, order, headers), pay(client, order, headers)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json == first.json
    assert len(sandbox.charges) == 1


def test_a_paid_order_cannot_be_paid_again(client: FlaskClient, session: Session) -> None:
    user = create_user(session)
    order = create_order(session, user=user, status=OrderStatus.PAID)

    assert pay(client, order, idempotency_headers(user)).status_code == 409


def test_paying_needs_an_idempotency_key(client: FlaskClient, session: Session) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    assert pay(client, order, auth_headers(user)).status_code == 400


def test_nobody_pays_someone_elses_order(client: FlaskClient, session: Session) -> None:
    order = create_order(session, user=create_user(session))

    assert pay(client, order, idempotency_headers(create_user(session))).status_code == 404


class WebhookFirstProvider(SandboxProvider):
    """A provider that answers late: its payment.succeeded webhook arrives (and is
    processed) before its answer to the pay call does, as it often does for real."""

    def __init__(self, order_id: int) -> None:
        super().__init__()
        self.order_id = order_id

    def charge(
        self, *, amount_cents: int, currency: str, token: str, idempotency_key: str
    ) -> Charge:
        charge = super().charge(
            amount_cents=amount_cents,
            currency=currency,
            token=token,
            idempotency_key=idempotency_key,
        )
        event = {
            "id": "evt_early",
            "type": "payment.succeeded",
            "data": {"order_id": self.order_id},
        }
        with Session(engine()) as webhook_session:
            assert payments.handle_event(webhook_session, event=event) == "processed"
        return charge


def test_a_webhook_that_arrives_before_the_pay_call_returns_loses_no_refund(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    provider = WebhookFirstProvider(order.id)
    monkeypatch.setattr(orders_routes, "get_payment_provider", lambda: provider)

    paid = pay(client, order, idempotency_headers(user))
    cancelled = client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(user))

    assert paid.status_code == 200
    assert paid.json["status"] == "paid"
    assert cancelled.status_code == 200
    assert cancelled.json["status"] == "refunded"
    [charge] = provider.charges.values()
    assert list(provider.refunds.values()) == [charge.id]


def test_a_paid_order_whose_charge_is_not_known_yet_is_not_refunded_blindly(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    order.status = OrderStatus.PAID  # paid by the webhook; the pay call has not returned yet
    session.commit()

    response = client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(user))

    assert response.status_code == 409
    assert status_of(session, order) == OrderStatus.PAID


@pytest.mark.parametrize(
    "name",
    ["stripe", "no_such_module:Provider", "app.shop.payments.provider:NoSuchClass", "json:dumps"],
)
def test_a_wrong_payment_provider_stops_the_app_at_start_up(name: str) -> None:
    with pytest.raises(ValueError, match="PAYMENT_PROVIDER"):
        load_provider(name)


def test_the_app_loads_its_payment_provider_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "PAYMENT_PROVIDER", "no_such_module:Provider")
    get_payment_provider.cache_clear()
    try:
        with pytest.raises(ValueError, match="PAYMENT_PROVIDER"):
            create_app({"TESTING": True})
    finally:
        monkeypatch.undo()
        get_payment_provider.cache_clear()
