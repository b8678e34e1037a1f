"""A payment abandoned half-way does not block its order or its Idempotency-Key forever.

If the server dies (a crash, a deploy) while the provider is charging, the order keeps
its "being paid" mark and the key its unfinished claim. After PAYMENT_TIMEOUT_SECONDS
both count as abandoned; before that, they still answer 409.
"""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import update
from sqlalchemy.orm import Session

from app.core.config import settings
from app.shop.accounts.models import User
from app.shop.catalog.models import Product
from app.shop.orders.idempotency import fingerprint
from app.shop.orders.models import IdempotencyKey, Order, OrderStatus
from app.shop.orders.service import expire_overdue_orders
from tests.shop.factories import (
    auth_headers,
    create_order,
    create_product,
    create_user,
    idempotency_headers,
)

ABANDONED = timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS + 60)
JUST_NOW = timedelta(seconds=1)
OVERDUE = timedelta(minutes=settings.ORDER_HOLD_MINUTES + 1)
VISA = {"payment_token": "tok_visa"}


def leave_payment_running(session: Session, order: Order, *, started: timedelta) -> None:
    """What a server that dies during the provider call leaves on the order."""
    session.execute(
        update(Order)
        .where(Order.id == order.id)
        .values(payment_started_at=datetime.now(UTC) - started)
    )
    session.commit()


def leave_key_unfinished(
    session: Session, *, user: User, key: str, order: Order, claimed: timedelta
) -> None:
    """What the same dead server leaves on the Idempotency-Key of that payment."""
    path = f"/api/orders/{order.id}/pay"
    session.add(
        IdempotencyKey(
            user_id=user.id,
            key=key,
            fingerprint=fingerprint("POST", path, VISA),
            created_at=datetime.now(UTC) - claimed,
        )
    )
    session.commit()


def pay(client: FlaskClient, order: Order, headers: dict[str, str]) -> Any:
    return client.post(f"/api/orders/{order.id}/pay", json=VISA, headers=headers)


def cancel(client: FlaskClient, order: Order, user: User) -> Any:
    return client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(user))


def stock_of(session: Session, product: Product) -> int:
    session.expire_all()
    return session.get_one(Product, product.id).stock


def status_of(session: Session, order: Order) -> OrderStatus:
    session.expire_all()
    return session.get_one(Order, order.id).status


def test_an_order_abandoned_mid_payment_can_be_paid(client: FlaskClient, session: Session) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    leave_payment_running(session, order, started=ABANDONED)

    response = pay(client, order, idempotency_headers(user))

    assert response.status_code == 200
    assert response.json["status"] == "paid"


def test_an_order_abandoned_mid_payment_can_be_cancelled(
    client: FlaskClient, session: Session
) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    order = create_order(session, user=user, product=product, quantity=2)
    leave_payment_running(session, order, started=ABANDONED)

    response = cancel(client, order, user)

    assert response.status_code == 200
    assert response.json["status"] == "cancelled"
    assert stock_of(session, product) == 5


def test_a_payment_started_a_moment_ago_still_blocks_paying_and_cancelling(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    leave_payment_running(session, order, started=JUST_NOW)

    assert pay(client, order, idempotency_headers(user)).status_code == 409
    assert cancel(client, order, user).status_code == 409
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT


@pytest.mark.usefixtures("app_context")
def test_an_overdue_order_abandoned_mid_payment_expires_and_returns_its_stock(
    session: Session,
) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    long_ago = datetime.now(UTC) - OVERDUE
    abandoned = create_order(session, user=user, product=product, quantity=2, created_at=long_ago)
    being_paid = create_order(session, user=user, created_at=long_ago)
    leave_payment_running(session, abandoned, started=ABANDONED)
    leave_payment_running(session, being_paid, started=JUST_NOW)

    assert expire_overdue_orders() == 1

    assert status_of(session, abandoned) == OrderStatus.CANCELLED
    assert stock_of(session, product) == 5
    assert status_of(session, being_paid) == OrderStatus.PENDING_PAYMENT


def test_an_overdue_order_abandoned_mid_payment_is_cancelled_when_read(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user, created_at=datetime.now(UTC) - OVERDUE)
    leave_payment_running(session, order, started=ABANDONED)

    response = client.get(f"/api/orders/{order.id}", headers=auth_headers(user))

    assert response.json["status"] == "cancelled"


def test_a_key_left_unfinished_by_a_dead_payment_can_be_retried(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    leave_payment_running(session, order, started=ABANDONED)
    leave_key_unfinished(session, user=user, key="crashed-pay", order=order, claimed=ABANDONED)
    headers = idempotency_headers(user, "crashed-pay")

    retried, repeated = pay(client, order, headers), pay(client, order, headers)

    assert retried.status_code == 200
    assert retried.json["status"] == "paid"
    assert repeated.json == retried.json  # the key is finished now: replayed


def test_a_key_claimed_a_moment_ago_still_answers_409(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    order = create_order(session, user=user)
    leave_key_unfinished(session, user=user, key="running-pay", order=order, claimed=JUST_NOW)

    response = pay(client, order, idempotency_headers(user, "running-pay"))

    assert response.status_code == 409
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT
