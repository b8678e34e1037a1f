"""Paying through the sandbox provider: tok_visa pays, tok_declined 402, tok_error 502."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.orders.models import Order, OrderStatus
from app.payments.provider import SandboxProvider
from tests.factories import auth_headers, create_order, create_user, idempotency_headers


def pay(client: TestClient, order: Order, headers: dict[str, str], token: str = "tok_visa") -> Any:  # noqa: S107
    url = f"/api/orders/{order.id}/pay"
    return client.post(url, json={"payment_token": token}, headers=headers)


def status_of(session: Session, order: Order) -> OrderStatus:
    session.expire_all()
    return session.get_one(Order, order.id).status


def test_tok_visa_pays_the_order(
    client: TestClient, session: Session, sandbox: SandboxProvider
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    response = pay(client, order, idempotency_headers(user))

    assert response.status_code == 200
    assert response.json()["status"] == "paid"
    assert [charge.amount_cents for charge in sandbox.charges.values()] == [order.total_cents]


def test_tok_declined_returns_402_and_the_order_stays_payable(
    client: TestClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    declined = pay(client, order, idempotency_headers(user), "tok_declined")
    retried = pay(client, order, idempotency_headers(user))

    assert declined.status_code == 402
    assert declined.headers["content-type"] == "application/problem+json"
    assert retried.status_code == 200


def test_tok_error_returns_502_charges_nothing_and_leaves_the_key_unused(
    client: TestClient, session: Session, sandbox: SandboxProvider
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
    client: TestClient, session: Session, sandbox: SandboxProvider
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    headers = idempotency_headers(user)

    first, second = pay(client, order, headers), pay(client, order, headers)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json() == first.json()
    assert len(sandbox.charges) == 1


def test_a_paid_order_cannot_be_paid_again(client: TestClient, session: Session) -> None:
    user = create_user(session)
    order = create_order(session, user=user, status=OrderStatus.PAID)

    assert pay(client, order, idempotency_headers(user)).status_code == 409


def test_paying_needs_an_idempotency_key(client: TestClient, session: Session) -> None:
    user = create_user(session)
    order = create_order(session, user=user)

    assert pay(client, order, auth_headers(user)).status_code == 400


def test_nobody_pays_someone_elses_order(client: TestClient, session: Session) -> None:
    order = create_order(session, user=create_user(session))

    assert pay(client, order, idempotency_headers(create_user(session))).status_code == 404
