"""Stock never goes below zero, even when many customers buy the last items at once;
a cart's lines count every add, even when they arrive at once.

Real threads send real requests at the same time; each request gets its own
database connection, as with a real server. This holds on SQLite (BEGIN
IMMEDIATE) and on PostgreSQL (a conditional UPDATE that locks the row).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.shop.cart.models import CartItem
from app.shop.catalog.models import Product
from app.shop.orders.models import Order
from tests.shop.factories import (
    ADDRESS,
    add_to_cart,
    auth_headers,
    create_product,
    create_user,
    idempotency_headers,
)


@pytest.mark.parametrize(("buyers_count", "stock"), [(12, 5), (20, 1)])
def test_more_checkouts_than_items_at_once_make_as_many_orders_as_items(
    app: Flask, session: Session, buyers_count: int, stock: int
) -> None:
    product = create_product(session, stock=stock)
    buyers = [create_user(session) for _ in range(buyers_count)]
    for buyer in buyers:
        add_to_cart(session, user=buyer, product=product, quantity=1)
    start = threading.Barrier(buyers_count)

    def checkout(headers: dict[str, str]) -> int:
        with app.test_client() as client:
            start.wait()  # everyone sends at the same moment
            return client.post(
                "/api/orders", json={"shipping_address": ADDRESS}, headers=headers
            ).status_code

    with ThreadPoolExecutor(buyers_count) as pool:
        statuses = list(pool.map(checkout, [idempotency_headers(b) for b in buyers]))

    assert sorted(statuses) == [201] * stock + [409] * (buyers_count - stock)
    session.expire_all()
    assert session.get_one(Product, product.id).stock == 0
    assert session.scalar(select(func.count(Order.id))) == stock


def test_one_cart_checked_out_twice_at_once_makes_one_order(app: Flask, session: Session) -> None:
    """Two tabs, two Idempotency-Keys, one cart: the second finds the cart taken."""
    product = create_product(session, stock=10)
    buyer = create_user(session)
    add_to_cart(session, user=buyer, product=product, quantity=2)
    tabs = 2
    start = threading.Barrier(tabs)

    def checkout(headers: dict[str, str]) -> int:
        with app.test_client() as client:
            start.wait()
            return client.post(
                "/api/orders", json={"shipping_address": ADDRESS}, headers=headers
            ).status_code

    with ThreadPoolExecutor(tabs) as pool:
        statuses = list(pool.map(checkout, [idempotency_headers(buyer) for _ in range(tabs)]))

    assert statuses.count(201) == 1, statuses
    # The other tab either waited and found the cart empty (422) or lost the race
    # for the cart's lines (409); either way nothing else was ordered or reserved.
    assert set(statuses) - {201} <= {409, 422}, statuses
    session.expire_all()
    assert session.get_one(Product, product.id).stock == 8
    assert session.scalar(select(func.count(Order.id))) == 1


def test_ten_adds_at_once_count_ten(app: Flask, session: Session) -> None:
    """A double click, or two tabs: each add counts, none overwrites another."""
    product = create_product(session, stock=100)
    headers = auth_headers(create_user(session))
    adds = 10
    start = threading.Barrier(adds)

    def add_one(_: int) -> int:
        with app.test_client() as client:
            start.wait()
            body = {"product_id": product.id, "quantity": 1}
            return client.post("/api/cart/items", json=body, headers=headers).status_code

    with ThreadPoolExecutor(adds) as pool:
        statuses = list(pool.map(add_one, range(adds)))

    assert statuses == [200] * adds
    assert session.scalar(select(CartItem.quantity)) == adds


def test_adding_and_removing_at_once_never_fails(app: Flask, session: Session) -> None:
    product = create_product(session, stock=100)
    headers = auth_headers(create_user(session))
    requests = 12
    start = threading.Barrier(requests)

    def add_or_remove(number: int) -> int:
        with app.test_client() as client:
            start.wait()
            if number % 2:
                return client.delete(f"/api/cart/items/{product.id}", headers=headers).status_code
            body = {"product_id": product.id, "quantity": 1}
            return client.post("/api/cart/items", json=body, headers=headers).status_code

    with ThreadPoolExecutor(requests) as pool:
        statuses = list(pool.map(add_or_remove, range(requests)))

    assert sorted(set(statuses)) == [200, 204], statuses
