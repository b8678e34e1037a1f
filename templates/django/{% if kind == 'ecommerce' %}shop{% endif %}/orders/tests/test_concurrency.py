"""Stock never goes below zero, even when many customers buy the last items at once.

Real threads send their checkouts at the same moment; each thread has its own
database connection, as each request has in the server. This holds on SQLite
(BEGIN IMMEDIATE) and on PostgreSQL (a conditional UPDATE that locks the row).
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse

from core.testing import client_for
from shop.accounts.models import User
from shop.accounts.tests.factories import UserFactory
from shop.cart.tests.factories import CartItemFactory
from shop.catalog.tests.factories import ProductFactory
from shop.orders.models import Order
from shop.orders.tests.factories import ADDRESS

BUYERS = 12
STOCK = 5


@pytest.mark.django_db(transaction=True)
def test_twelve_checkouts_of_the_last_five_items_should_make_exactly_five_orders():
    product = ProductFactory(stock=STOCK)
    buyers = UserFactory.create_batch(BUYERS)
    for buyer in buyers:
        CartItemFactory(user=buyer, product=product)
    start = threading.Barrier(BUYERS)

    def checkout(buyer: User) -> int:
        client = client_for(buyer)
        try:
            start.wait()  # everyone sends at the same moment
            response = client.post(
                reverse("api:order-list"),
                {"shipping_address": ADDRESS},
                format="json",
                HTTP_IDEMPOTENCY_KEY=str(uuid.uuid4()),
            )
            return response.status_code
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(BUYERS) as pool:
        statuses = sorted(pool.map(checkout, buyers))

    assert statuses == [201] * STOCK + [409] * (BUYERS - STOCK)
    product.refresh_from_db()
    assert product.stock == 0
    assert Order.objects.count() == STOCK


@pytest.mark.django_db(transaction=True)
def test_one_cart_checked_out_twice_at_once_should_make_one_order():
    product = ProductFactory(stock=STOCK)
    buyer = UserFactory()
    CartItemFactory(user=buyer, product=product, quantity=2)
    start = threading.Barrier(2)

    def checkout(key: str) -> int:
        client = client_for(buyer)
        try:
            start.wait()
            response = client.post(
                reverse("api:order-list"),
                {"shipping_address": ADDRESS},
                format="json",
                HTTP_IDEMPOTENCY_KEY=key,  # two keys: two attempts, not one retried
            )
            return response.status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(2) as pool:
        statuses = sorted(pool.map(checkout, ["first-key", "second-key"]))

    assert statuses == [201, 422]  # the second finds the cart already empty
    product.refresh_from_db()
    assert product.stock == STOCK - 2
    assert Order.objects.count() == 1
