"""The payment webhook: signed, recent, valid JSON, and each event applied at most once."""

import json
import time
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.errors import BadRequestError
from app.shop.catalog.models import Product
from app.shop.orders.models import Order, OrderStatus
from app.shop.payments.signatures import sign, verify
from tests.shop.factories import create_order, create_product, create_user

URL = "/api/payments/webhook"

JSON = {"Content-Type": "application/json"}


def post_event(
    client: FlaskClient,
    payload: bytes,
    *,
    timestamp: int | None = None,
    secret: str | None = None,
) -> Any:
    signature = sign(
        payload,
        secret=secret or settings.PAYMENT_WEBHOOK_SECRET,
        timestamp=int(time.time()) if timestamp is None else timestamp,
    )
    return client.post(
        URL,
        data=payload,
        headers={"Payment-Signature": signature, "Content-Type": "application/json"},
    )


def event(event_id: str, event_type: str, order_id: int) -> bytes:
    return json.dumps({"id": event_id, "type": event_type, "data": {"order_id": order_id}}).encode()


def status_of(session: Session, order: Order) -> OrderStatus:
    session.expire_all()
    return session.get_one(Order, order.id).status


def test_payment_succeeded_marks_a_pending_order_paid(
    client: FlaskClient, session: Session
) -> None:
    order = create_order(session, user=create_user(session))

    response = post_event(client, event("evt_1", "payment.succeeded", order.id))

    assert response.status_code == 200
    assert status_of(session, order) == OrderStatus.PAID


def test_payment_refunded_refunds_a_paid_order_and_returns_stock(
    client: FlaskClient, session: Session
) -> None:
    product = create_product(session, stock=5)
    order = create_order(
        session, user=create_user(session), product=product, quantity=2, status=OrderStatus.PAID
    )

    post_event(client, event("evt_2", "payment.refunded", order.id))

    assert status_of(session, order) == OrderStatus.REFUNDED
    assert session.get_one(Product, product.id).stock == 5


def test_refunding_a_shipped_order_keeps_the_stock(client: FlaskClient, session: Session) -> None:
    product = create_product(session, stock=5)
    order = create_order(
        session, user=create_user(session), product=product, status=OrderStatus.SHIPPED
    )

    post_event(client, event("evt_3", "payment.refunded", order.id))

    assert status_of(session, order) == OrderStatus.REFUNDED
    assert session.get_one(Product, product.id).stock == 4


def test_the_same_event_twice_changes_nothing_the_second_time(
    client: FlaskClient, session: Session
) -> None:
    product = create_product(session, stock=5)
    order = create_order(
        session, user=create_user(session), product=product, status=OrderStatus.PAID
    )
    refund = event("evt_4", "payment.refunded", order.id)

    first, second = post_event(client, refund), post_event(client, refund)

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json == {"status": "duplicate"}
    session.expire_all()
    assert session.get_one(Product, product.id).stock == 5  # returned once, not twice


@pytest.mark.parametrize(
    "payload",
    [
        b'{"id": "evt_5", "type": "payment.unknown", "data": {"order_id": 1}}',
        b'{"id": "evt_6", "type": "payment.succeeded", "data": {"order_id": 999999}}',
    ],
)
def test_a_signed_event_that_does_not_apply_answers_200(
    client: FlaskClient, payload: bytes
) -> None:
    response = post_event(client, payload)

    assert response.status_code == 200
    assert response.json == {"status": "ignored"}


def test_an_event_for_an_order_in_another_state_changes_nothing(
    client: FlaskClient, session: Session
) -> None:
    order = create_order(session, user=create_user(session), status=OrderStatus.CANCELLED)

    response = post_event(client, event("evt_7", "payment.succeeded", order.id))

    assert response.status_code == 200
    assert status_of(session, order) == OrderStatus.CANCELLED


def test_a_wrong_or_missing_signature_returns_400_and_changes_nothing(
    client: FlaskClient, session: Session
) -> None:
    order = create_order(session, user=create_user(session))
    payload = event("evt_8", "payment.succeeded", order.id)

    forged = post_event(client, payload, secret="not-the-secret")
    unsigned = client.post(URL, data=payload)
    garbled = client.post(URL, data=payload, headers={"Payment-Signature": "nonsense"})

    assert (forged.status_code, unsigned.status_code, garbled.status_code) == (400, 400, 400)
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT


def test_the_window_is_five_minutes_to_the_second_either_way() -> None:
    now, secret, payload = 1_700_000_000, "s3cret", b"{}"
    for inside in (now - 300, now + 300):
        verify(sign(payload, secret=secret, timestamp=inside), payload, secret=secret, now=now)
    for outside in (now - 301, now + 301):
        with pytest.raises(BadRequestError):
            verify(sign(payload, secret=secret, timestamp=outside), payload, secret=secret, now=now)


# Through the API, 320 s, not 301: the timestamp is whole seconds and the server reads
# its clock a moment later, so +301 can arrive as 300 s away, which is allowed.
@pytest.mark.parametrize("offset", [-320, 320])
def test_a_timestamp_more_than_5_minutes_away_returns_400(
    client: FlaskClient, session: Session, offset: int
) -> None:
    order = create_order(session, user=create_user(session))

    response = post_event(
        client,
        event("evt_9", "payment.succeeded", order.id),
        timestamp=int(time.time()) + offset,
    )

    assert response.status_code == 400
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT


def test_a_signed_body_that_is_not_json_returns_400(client: FlaskClient) -> None:
    response = post_event(client, b"{not json")

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "data",
    [
        {"amount_cents": 1},
        {"amount_cents": "all of it"},
        {"currency": "XXX"},
    ],
    ids=["another amount", "an amount that is no number", "another currency"],
)
def test_a_payment_for_another_amount_or_currency_changes_nothing(
    client: FlaskClient, session: Session, data: dict[str, Any]
) -> None:
    order = create_order(session, user=create_user(session))
    body = {"id": "evt_cheap", "type": "payment.succeeded", "data": {"order_id": order.id, **data}}

    response = post_event(client, json.dumps(body).encode())

    assert response.json == {"status": "ignored"}
    assert status_of(session, order) == OrderStatus.PENDING_PAYMENT


def test_a_payment_of_the_order_s_amount_and_currency_pays_it(
    client: FlaskClient, session: Session
) -> None:
    order = create_order(session, user=create_user(session))
    data = {"order_id": order.id, "amount_cents": order.total_cents, "currency": order.currency}

    response = post_event(
        client, json.dumps({"id": "evt_full", "type": "payment.succeeded", "data": data}).encode()
    )

    assert response.json == {"status": "processed"}
    assert status_of(session, order) == OrderStatus.PAID


@pytest.mark.parametrize("order_id", [2**31, 10**30, -(10**30)])
def test_an_order_id_beyond_the_column_s_range_is_ignored(
    client: FlaskClient, order_id: int
) -> None:
    response = post_event(client, event("evt_huge", "payment.succeeded", order_id))

    assert response.status_code == 200
    assert response.json == {"status": "ignored"}


# WSGI reads header bytes as Latin-1, so b"\xb2" arrives as "²", which str.isdigit() accepts.
@pytest.mark.parametrize("timestamp", ["²", "¹²³", "9" * 5000], ids=["²", "¹²³", "5000 digits"])
def test_a_timestamp_that_is_not_plain_unix_time_returns_400(
    client: FlaskClient, timestamp: str
) -> None:
    headers = {"Payment-Signature": f"t={timestamp},v1={'0' * 64}", **JSON}

    response = client.post(URL, data=b"{}", headers=headers)

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("timestamp", ["²", "\u0661" * 10, "9" * 5000], ids=["²", "arabic", "5000"])
def test_only_ascii_digits_of_a_sensible_length_are_a_timestamp(timestamp: str) -> None:
    with pytest.raises(BadRequestError, match="malformed"):
        verify(f"t={timestamp},v1={'0' * 64}", b"{}", secret="webhook-secret")
