"""A cart counts every add, also when they arrive at once (a double click, two tabs).

Real threads send their requests at the same moment, each with its own database
connection, as each request has in the server.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient

from core.testing import client_for
from shop.accounts.tests.factories import UserFactory
from shop.cart.models import CartItem
from shop.catalog.tests.factories import ProductFactory

ITEMS = reverse("api:cart-item-list")


def at_once(requests: int, send: Callable[[APIClient, int], int]) -> list[int]:
    """The statuses of ``requests`` calls of ``send``, all started at the same moment."""
    buyer = UserFactory()
    start = threading.Barrier(requests)

    def one(number: int) -> int:
        client = client_for(buyer)
        try:
            start.wait()
            return send(client, number)
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(requests) as pool:
        return list(pool.map(one, range(requests)))


@pytest.mark.django_db(transaction=True)
def test_ten_adds_at_once_should_count_ten():
    product = ProductFactory(stock=100)

    def add_one(client: APIClient, _: int) -> int:
        body = {"product_id": product.pk, "quantity": 1}
        return client.post(ITEMS, body, format="json").status_code

    assert at_once(10, add_one) == [200] * 10
    assert CartItem.objects.get(product=product).quantity == 10


@pytest.mark.django_db(transaction=True)
def test_adding_and_removing_at_once_should_never_fail():
    product = ProductFactory(stock=100)
    detail = reverse("api:cart-item-detail", args=[product.pk])

    def add_or_remove(client: APIClient, number: int) -> int:
        if number % 2:
            return client.delete(detail).status_code
        body = {"product_id": product.pk, "quantity": 1}
        return client.post(ITEMS, body, format="json").status_code

    assert set(at_once(12, add_or_remove)) == {200, 204}
