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

from app.catalog.models import Product
from app.orders.models import Order
from tests.factories import ADDRESS, add_to_cart, create_product, create_user, idempotency_headers

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
