"""Stock never goes below zero, even when many customers buy the last items at once.

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

from app.shop.catalog.models import Product
from app.shop.orders.models import Order
from tests.shop.factories import (
    ADDRESS,
    add_to_cart,
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
