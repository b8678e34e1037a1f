"""Checkout, the order list, cancellation, shipping and expiry."""

from datetime import UTC, datetime, timedelta

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.shop.catalog.models import Product
from app.shop.orders.models import Order, OrderStatus
from app.shop.orders.service import expire_overdue_orders
from app.shop.payments.provider import SandboxProvider
from tests.shop.factories import (
    ADDRESS,
    add_to_cart,
    auth_headers,
    create_admin,
    create_order,
    create_product,
    create_user,
    idempotency_headers,
)

CHECKOUT = {"shipping_address": ADDRESS}


def stock_of(session: Session, product: Product) -> int:
    session.expire_all()
    return session.get_one(Product, product.id).stock


def order_count(session: Session) -> int:
    return session.scalar(select(func.count(Order.id))) or 0


def test_checkout_turns_the_cart_into_an_order_and_reserves_stock(
    client: FlaskClient, session: Session
) -> None:
    user, product = create_user(session), create_product(session, price_cents=700, stock=5)
    add_to_cart(session, user=user, product=product, quantity=2)

    response = client.post("/api/orders", json=CHECKOUT, headers=idempotency_headers(user))

    assert response.status_code == 201
    order = response.json
    assert order["status"] == "pending_payment"
    assert order["total_cents"] == 1400
    assert order["currency"] == "EUR"
    assert order["items"] == [
        {
            "product_id": product.id,
            "name": product.name,
            "unit_price_cents": 700,
            "quantity": 2,
            "line_total_cents": 1400,
        }
    ]
    assert stock_of(session, product) == 3
    assert client.get("/api/cart", headers=auth_headers(user)).json["items"] == []


def test_checkout_without_an_idempotency_key_returns_400(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    add_to_cart(session, user=user, product=create_product(session))

    response = client.post("/api/orders", json=CHECKOUT, headers=auth_headers(user))

    assert response.status_code == 400
    assert order_count(session) == 0


def test_checkout_of_an_empty_cart_returns_422(client: FlaskClient, session: Session) -> None:
    response = client.post(
        "/api/orders", json=CHECKOUT, headers=idempotency_headers(create_user(session))
    )

    assert response.status_code == 422


def test_checkout_with_too_little_stock_returns_409_listing_what_is_short(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    plenty, scarce = create_product(session, stock=10), create_product(session, stock=5)
    add_to_cart(session, user=user, product=plenty, quantity=2)
    add_to_cart(session, user=user, product=scarce, quantity=4)
    scarce.stock = 3  # someone else bought some meanwhile
    session.commit()

    response = client.post("/api/orders", json=CHECKOUT, headers=idempotency_headers(user))

    assert response.status_code == 409
    assert response.json["short"] == [{"product_id": scarce.id, "requested": 4, "available": 3}]
    assert (stock_of(session, plenty), stock_of(session, scarce)) == (10, 3)
    assert order_count(session) == 0


def test_repeating_a_checkout_with_the_same_key_replays_the_first_answer(
    client: FlaskClient, session: Session
) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    add_to_cart(session, user=user, product=product)
    headers = idempotency_headers(user)

    first = client.post("/api/orders", json=CHECKOUT, headers=headers)
    second = client.post("/api/orders", json=CHECKOUT, headers=headers)

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json == first.json
    assert order_count(session) == 1
    assert stock_of(session, product) == 4


def test_the_same_key_with_a_different_body_returns_422(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    add_to_cart(session, user=user, product=create_product(session))
    headers = idempotency_headers(user)
    client.post("/api/orders", json=CHECKOUT, headers=headers)

    other_address = {"shipping_address": {**ADDRESS, "city": "Paris"}}
    response = client.post("/api/orders", json=other_address, headers=headers)

    assert response.status_code == 422
    assert order_count(session) == 1


def test_a_key_belongs_to_its_user(client: FlaskClient, session: Session) -> None:
    alice, bob, product = create_user(session), create_user(session), create_product(session)
    add_to_cart(session, user=alice, product=product)
    add_to_cart(session, user=bob, product=product)

    first = client.post("/api/orders", json=CHECKOUT, headers=idempotency_headers(alice, "k1"))
    second = client.post("/api/orders", json=CHECKOUT, headers=idempotency_headers(bob, "k1"))

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json["id"] != second.json["id"]


def test_list_orders_shows_only_mine_newest_first_paginated(
    client: FlaskClient, session: Session
) -> None:
    me, someone = create_user(session), create_user(session)
    now = datetime.now(UTC)
    older = create_order(session, user=me, created_at=now - timedelta(minutes=2))
    newer = create_order(session, user=me, created_at=now - timedelta(minutes=1))
    create_order(session, user=someone)

    response = client.get("/api/orders?page_size=1", headers=auth_headers(me))
    second_page = client.get("/api/orders?page_size=1&page=2", headers=auth_headers(me))

    body = response.json
    assert (body["total"], body["page"], body["page_size"]) == (2, 1, 1)
    assert [order["id"] for order in body["items"]] == [newer.id]
    assert [order["id"] for order in second_page.json["items"]] == [older.id]


def test_an_order_is_visible_to_its_owner_and_admins_only(
    client: FlaskClient, session: Session
) -> None:
    owner, stranger, admin = create_user(session), create_user(session), create_admin(session)
    order = create_order(session, user=owner)
    url = f"/api/orders/{order.id}"

    assert client.get(url, headers=auth_headers(owner)).status_code == 200
    assert client.get(url, headers=auth_headers(admin)).status_code == 200
    assert client.get(url, headers=auth_headers(stranger)).status_code == 404
    assert client.get(url).status_code == 401


def test_cancelling_a_pending_order_returns_its_stock(
    client: FlaskClient, session: Session
) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    order = create_order(session, user=user, product=product, quantity=2)

    response = client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json["status"] == "cancelled"
    assert stock_of(session, product) == 5


def test_cancelling_a_paid_order_refunds_it_and_returns_its_stock(
    client: FlaskClient, session: Session, sandbox: SandboxProvider
) -> None:
    user, admin, product = create_user(session), create_admin(session), create_product(session)
    order = create_order(
        session, user=user, product=product, status=OrderStatus.PAID, payment_id="ch_1"
    )

    response = client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(admin))

    assert response.status_code == 200
    assert response.json["status"] == "refunded"
    assert list(sandbox.refunds.values()) == ["ch_1"]
    assert stock_of(session, product) == 10


def test_a_shipped_or_cancelled_order_cannot_be_cancelled(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    for status in (OrderStatus.SHIPPED, OrderStatus.CANCELLED, OrderStatus.REFUNDED):
        order = create_order(session, user=user, status=status)
        response = client.post(f"/api/orders/{order.id}/cancel", headers=auth_headers(user))
        assert response.status_code == 409, status


def test_another_customer_cannot_cancel_my_order(client: FlaskClient, session: Session) -> None:
    order = create_order(session, user=create_user(session))

    response = client.post(
        f"/api/orders/{order.id}/cancel", headers=auth_headers(create_user(session))
    )

    assert response.status_code == 404


def test_admin_ships_a_paid_order(client: FlaskClient, session: Session) -> None:
    admin = create_admin(session)
    order = create_order(session, user=create_user(session), status=OrderStatus.PAID)

    response = client.patch(
        f"/api/orders/{order.id}", json={"status": "shipped"}, headers=auth_headers(admin)
    )

    assert response.status_code == 200
    assert response.json["status"] == "shipped"


def test_shipping_an_unpaid_order_returns_409(client: FlaskClient, session: Session) -> None:
    admin, order = create_admin(session), create_order(session, user=create_user(session))

    response = client.patch(
        f"/api/orders/{order.id}", json={"status": "shipped"}, headers=auth_headers(admin)
    )

    assert response.status_code == 409


def test_only_admins_ship_and_only_to_shipped(client: FlaskClient, session: Session) -> None:
    customer = create_user(session)
    order = create_order(session, user=customer, status=OrderStatus.PAID)
    url = f"/api/orders/{order.id}"
    admin = auth_headers(create_admin(session))

    assert (
        client.patch(url, json={"status": "shipped"}, headers=auth_headers(customer)).status_code
        == 403
    )
    assert client.patch(url, json={"status": "paid"}, headers=admin).status_code == 422


def test_an_overdue_order_is_cancelled_when_read(client: FlaskClient, session: Session) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    long_ago = datetime.now(UTC) - timedelta(minutes=31)
    order = create_order(session, user=user, product=product, quantity=2, created_at=long_ago)

    response = client.get(f"/api/orders/{order.id}", headers=auth_headers(user))

    assert response.json["status"] == "cancelled"
    assert stock_of(session, product) == 5


@pytest.mark.usefixtures("app_context")
def test_expire_orders_cancels_only_overdue_pending_orders(session: Session) -> None:
    user = create_user(session)
    long_ago = datetime.now(UTC) - timedelta(minutes=31)
    overdue = create_order(session, user=user, created_at=long_ago)
    recent = create_order(session, user=user)
    paid = create_order(session, user=user, created_at=long_ago, status=OrderStatus.PAID)

    assert expire_overdue_orders() == 1

    session.expire_all()
    statuses = [session.get_one(Order, o.id).status for o in (overdue, recent, paid)]
    assert statuses == [OrderStatus.CANCELLED, OrderStatus.PENDING_PAYMENT, OrderStatus.PAID]
    assert expire_overdue_orders() == 0
