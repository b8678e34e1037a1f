"""A payment abandoned half-way should not block its order or its Idempotency-Key forever.

If the server dies (a crash, a deploy) while the provider is charging, the order keeps
its "being paid" mark and the key its unfinished claim. After PAYMENT_TIMEOUT_SECONDS
both count as abandoned; before that, they still answer 409.
"""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from shop.accounts.models import User
from shop.catalog.models import Product
from shop.orders.idempotency import fingerprint
from shop.orders.models import IdempotencyKey, Order
from shop.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db

ABANDONED = timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS + 60)
JUST_NOW = timedelta(seconds=1)
OVERDUE = timedelta(minutes=settings.ORDER_HOLD_MINUTES + 1)
VISA = {"payment_token": "tok_visa"}


def leave_payment_running(order: Order, *, started: timedelta) -> Order:
    """What a server that dies during the provider call leaves on the order."""
    Order.objects.filter(pk=order.pk).update(payment_started_at=timezone.now() - started)
    return order


def leave_key_unfinished(*, user: User, key: str, order: Order, claimed: timedelta) -> None:
    """What the same dead server leaves on the Idempotency-Key of that payment."""
    request = SimpleNamespace(method="POST", path=reverse("api:order-pay", args=[order.pk]))
    request_fingerprint = fingerprint(request, VISA)
    claim = IdempotencyKey.objects.create(user=user, key=key, fingerprint=request_fingerprint)
    # created_at is set automatically on create; move it back by hand.
    IdempotencyKey.objects.filter(pk=claim.pk).update(created_at=timezone.now() - claimed)


def overdue_order(user: User) -> Order:
    order = OrderFactory(user=user)
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - OVERDUE)
    return order


def pay(client: APIClient, order: Order, key: str = "key-1"):
    url = reverse("api:order-pay", args=[order.pk])
    return client.post(url, VISA, format="json", HTTP_IDEMPOTENCY_KEY=key)


def cancel(client: APIClient, order: Order):
    return client.post(reverse("api:order-cancel", args=[order.pk]))


def status_of(order: Order) -> str:
    order.refresh_from_db()
    return order.status


def stock_of(order: Order) -> int:
    return Product.objects.get(pk=order.items.get().product_id).stock


def test_an_order_abandoned_mid_payment_should_be_payable(
    customer_client: APIClient, customer: User
):
    order = leave_payment_running(OrderFactory(user=customer), started=ABANDONED)

    response = pay(customer_client, order)

    assert response.status_code == 200
    assert response.json()["status"] == "paid"


def test_an_order_abandoned_mid_payment_should_be_cancellable_with_its_stock_back(
    customer_client: APIClient, customer: User
):
    order = leave_payment_running(OrderFactory(user=customer), started=ABANDONED)

    response = cancel(customer_client, order)

    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert stock_of(order) == 10


def test_a_payment_started_a_moment_ago_should_still_block_paying_and_cancelling(
    customer_client: APIClient, customer: User
):
    order = leave_payment_running(OrderFactory(user=customer), started=JUST_NOW)

    assert pay(customer_client, order).status_code == 409
    assert cancel(customer_client, order).status_code == 409
    assert status_of(order) == "pending_payment"


def test_an_overdue_order_abandoned_mid_payment_should_expire_with_its_stock_back(
    customer: User,
):
    abandoned = leave_payment_running(overdue_order(customer), started=ABANDONED)
    being_paid = leave_payment_running(overdue_order(customer), started=JUST_NOW)

    call_command("expire_orders")

    assert status_of(abandoned) == "cancelled"
    assert stock_of(abandoned) == 10
    assert status_of(being_paid) == "pending_payment"


def test_an_overdue_order_abandoned_mid_payment_should_be_cancelled_when_read(
    customer_client: APIClient, customer: User
):
    order = leave_payment_running(overdue_order(customer), started=ABANDONED)

    response = customer_client.get(reverse("api:order-detail", args=[order.pk]))

    assert response.json()["status"] == "cancelled"


def test_a_key_left_unfinished_by_a_dead_payment_should_be_retryable(
    customer_client: APIClient, customer: User
):
    order = leave_payment_running(OrderFactory(user=customer), started=ABANDONED)
    leave_key_unfinished(user=customer, key="crashed-pay", order=order, claimed=ABANDONED)

    retried = pay(customer_client, order, key="crashed-pay")
    repeated = pay(customer_client, order, key="crashed-pay")

    assert retried.status_code == 200
    assert retried.json()["status"] == "paid"
    assert repeated.json() == retried.json()  # the key is finished now: replayed


def test_a_key_claimed_a_moment_ago_should_still_answer_409(
    customer_client: APIClient, customer: User
):
    order = OrderFactory(user=customer)
    leave_key_unfinished(user=customer, key="running-pay", order=order, claimed=JUST_NOW)

    assert pay(customer_client, order, key="running-pay").status_code == 409
    assert status_of(order) == "pending_payment"
