"""/api/orders/<id>/pay through the sandbox: tok_visa pays, tok_declined 402, tok_error 502."""

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from shop.accounts.models import User
from shop.orders.models import Order, OrderStatus
from shop.orders.tests.factories import OrderFactory
from shop.payments import services as payments
from shop.payments.provider import Charge, SandboxProvider

pytestmark = pytest.mark.django_db


def pay(client: APIClient, order: Order, card: str = "tok_visa", key: str | None = "key-1"):
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    url = reverse("api:order-pay", args=[order.pk])
    return client.post(url, {"payment_token": card}, format="json", **headers)


def status_of(order: Order) -> str:
    order.refresh_from_db()
    return order.status


@pytest.fixture
def order(customer: User) -> Order:
    return OrderFactory(user=customer)


def test_tok_visa_should_pay_the_order_once(customer_client: APIClient, order: Order, sandbox):
    response = pay(customer_client, order)

    assert (response.status_code, response.json()["status"]) == (200, "paid")
    order.refresh_from_db()
    assert (order.status, order.payment_started_at) == (OrderStatus.PAID, None)
    assert order.payment_id == sandbox.charges[f"user-{order.user_id}-key-1"].id


def test_tok_declined_should_return_402_and_leave_the_order_payable(
    customer_client: APIClient, order: Order
):
    declined = pay(customer_client, order, "tok_declined", "key-1")

    assert declined.status_code == 402
    assert declined.headers["Content-Type"] == "application/problem+json"
    assert status_of(order) == "pending_payment"
    assert pay(customer_client, order, "tok_visa", "key-2").status_code == 200


def test_tok_error_should_return_502_charge_nothing_and_leave_the_key_unused(
    customer_client: APIClient, order: Order, sandbox
):
    outage = pay(customer_client, order, "tok_error", "key-1")

    assert outage.status_code == 502
    assert sandbox.charges == {}
    assert status_of(order) == "pending_payment"
    assert pay(customer_client, order, "tok_visa", "key-1").status_code == 200


def test_one_key_should_never_charge_twice(customer_client: APIClient, order: Order, sandbox):
    first = pay(customer_client, order, key="key-1")
    second = pay(customer_client, order, key="key-1")

    assert (first.status_code, second.status_code) == (200, 200)
    assert second.json() == first.json()
    assert len(sandbox.charges) == 1
    assert pay(customer_client, order, key="key-2").status_code == 409  # already paid


def test_a_repeated_key_with_another_token_should_return_422(
    customer_client: APIClient, order: Order
):
    pay(customer_client, order, "tok_declined", "key-1")

    assert pay(customer_client, order, "tok_visa", "key-1").status_code == 422
    assert status_of(order) == "pending_payment"


def test_paying_without_a_key_should_return_400(customer_client: APIClient, order: Order):
    assert pay(customer_client, order, key=None).status_code == 400
    assert status_of(order) == "pending_payment"


def test_a_payment_in_progress_should_make_another_one_wait(
    customer_client: APIClient, order: Order
):
    Order.objects.filter(pk=order.pk).update(payment_started_at=timezone.now())

    assert pay(customer_client, order).status_code == 409


def test_a_cancelled_order_should_not_be_payable(customer_client: APIClient, customer: User):
    order = OrderFactory(user=customer, status=OrderStatus.CANCELLED)

    assert pay(customer_client, order).status_code == 409


def test_nobody_should_pay_another_customers_order(other_client: APIClient, order: Order):
    assert pay(other_client, order).status_code == 404
    assert status_of(order) == "pending_payment"


class WebhookFirstProvider(SandboxProvider):
    """A provider that answers late: its payment.succeeded webhook arrives (and is
    processed) before its answer to the pay call does, as it often does for real."""

    def __init__(self, order_id: int) -> None:
        super().__init__()
        self.order_id = order_id

    def charge(
        self, *, amount_cents: int, currency: str, token: str, idempotency_key: str
    ) -> Charge:
        charge = super().charge(
            amount_cents=amount_cents,
            currency=currency,
            token=token,
            idempotency_key=idempotency_key,
        )
        event = {
            "id": "evt_early",
            "type": "payment.succeeded",
            "data": {"order_id": self.order_id},
        }
        assert payments.webhook_event_handle(event=event) == "processed"
        return charge


def test_a_webhook_arriving_before_the_pay_call_returns_should_lose_no_refund(
    customer_client: APIClient, order: Order, monkeypatch: pytest.MonkeyPatch
):
    provider = WebhookFirstProvider(order.pk)
    monkeypatch.setattr("shop.orders.api.views.get_payment_provider", lambda: provider)

    paid = pay(customer_client, order)
    cancelled = customer_client.post(reverse("api:order-cancel", args=[order.pk]))

    assert (paid.status_code, paid.json()["status"]) == (200, "paid")
    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "refunded")
    [charge] = provider.charges.values()
    assert list(provider.refunds.values()) == [charge.id]


def test_a_paid_order_whose_charge_is_not_known_yet_should_not_be_refunded_blindly(
    customer_client: APIClient, order: Order
):
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PAID)  # paid by the webhook

    response = customer_client.post(reverse("api:order-cancel", args=[order.pk]))

    assert response.status_code == 409
    assert status_of(order) == OrderStatus.PAID
