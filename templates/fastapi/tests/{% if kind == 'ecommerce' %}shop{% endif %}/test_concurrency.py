"""Stock never goes below zero, even when many customers buy the last items at once;
a cart's lines count every add, even when they arrive at once.

Real threads send real requests at the same time; each request gets its own
database connection, as with a real server. This holds on SQLite (BEGIN
IMMEDIATE) and on PostgreSQL (a conditional UPDATE that locks the row).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
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

BUYERS = 12
STOCK = 5


def test_twelve_checkouts_of_the_last_five_items_make_exactly_five_orders(
    app: FastAPI, session: Session
) -> None:
    product = create_product(session, stock=STOCK)
    buyers = [create_user(session) for _ in range(BUYERS)]
    for buyer in buyers:
        add_to_cart(session, user=buyer, product=product, quantity=1)
    start = threading.Barrier(BUYERS)

    def checkout(headers: dict[str, str]) -> int:
        with TestClient(app) as client:
            start.wait()  # everyone sends at the same moment
            return client.post(
                "/api/orders", json={"shipping_address": ADDRESS}, headers=headers
            ).status_code

    with ThreadPoolExecutor(BUYERS) as pool:
        statuses = list(pool.map(checkout, [idempotency_headers(b) for b in buyers]))

    assert sorted(statuses) == [201] * STOCK + [409] * (BUYERS - STOCK)
    session.expire_all()
    assert session.get_one(Product, product.id).stock == 0
    assert session.scalar(select(func.count(Order.id))) == STOCK


def test_one_cart_checked_out_twice_at_once_makes_one_order(app: FastAPI, session: Session) -> None:
    """Two tabs, two Idempotency-Keys, one cart: the second finds the cart taken."""
    product = create_product(session, stock=10)
    buyer = create_user(session)
    add_to_cart(session, user=buyer, product=product, quantity=2)
    tabs = 2
    start = threading.Barrier(tabs)

    def checkout(headers: dict[str, str]) -> int:
        with TestClient(app) as client:
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


def test_ten_adds_at_once_count_ten(app: FastAPI, session: Session) -> None:
    """A double click, or two tabs: each add counts, none overwrites another."""
    product = create_product(session, stock=100)
    headers = auth_headers(create_user(session))
    adds = 10
    start = threading.Barrier(adds)

    def add_one(_: int) -> int:
        with TestClient(app) as client:
            start.wait()
            body = {"product_id": product.id, "quantity": 1}
            return client.post("/api/cart/items", json=body, headers=headers).status_code

    with ThreadPoolExecutor(adds) as pool:
        statuses = list(pool.map(add_one, range(adds)))

    assert statuses == [200] * adds
    assert session.scalar(select(CartItem.quantity)) == adds


def test_adding_and_removing_at_once_never_fails(app: FastAPI, session: Session) -> None:
    product = create_product(session, stock=100)
    headers = auth_headers(create_user(session))
    requests = 12
    start = threading.Barrier(requests)

    def add_or_remove(number: int) -> int:
        with TestClient(app) as client:
            start.wait()
            if number % 2:
                return client.delete(f"/api/cart/items/{product.id}", headers=headers).status_code
            body = {"product_id": product.id, "quantity": 1}
            return client.post("/api/cart/items", json=body, headers=headers).status_code

    with ThreadPoolExecutor(requests) as pool:
        statuses = list(pool.map(add_or_remove, range(requests)))

    assert sorted(set(statuses)) == [200, 204], statuses
