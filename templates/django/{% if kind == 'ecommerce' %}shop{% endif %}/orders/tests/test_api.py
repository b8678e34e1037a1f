"""/api/orders: checkout (Idempotency-Key), reading, cancelling, shipping and expiry."""

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from shop.accounts.models import User
from shop.cart.models import CartItem
from shop.cart.tests.factories import CartItemFactory
from shop.catalog.models import Product
from shop.catalog.tests.factories import ProductFactory
from shop.orders.models import Order, OrderStatus
from shop.orders.tests.factories import ADDRESS, OrderFactory

pytestmark = pytest.mark.django_db

ORDERS = reverse("api:order-list")
CHECKOUT = {"shipping_address": ADDRESS}


def order_url(order_id: int) -> str:
    return reverse("api:order-detail", args=[order_id])


def cancel_url(order_id: int) -> str:
    return reverse("api:order-cancel", args=[order_id])


def checkout(client: APIClient, key: str | None = None, body: dict | None = None):
    return client.post(
        ORDERS, body or CHECKOUT, format="json", HTTP_IDEMPOTENCY_KEY=key or str(uuid.uuid4())
    )


def stock(product: Product) -> int:
    product.refresh_from_db()
    return product.stock


# --- checkout ------------------------------------------------------------------------------


def test_checkout_should_make_a_pending_order_empty_the_cart_and_reserve_stock(
    customer_client: APIClient, customer: User
):
    mug = ProductFactory(price_cents=700, stock=5)
    tea = ProductFactory(price_cents=150, stock=9)
    CartItemFactory(user=customer, product=mug, quantity=2)
    CartItemFactory(user=customer, product=tea, quantity=3)

    response = checkout(customer_client)

    assert response.status_code == 201
    order = response.json()
    assert (order["status"], order["total_cents"], order["currency"]) == (
        "pending_payment",
        1850,
        "EUR",
    )
    assert order["shipping_address"] == ADDRESS
    assert sorted((line["name"], line["quantity"]) for line in order["items"]) == [
        (mug.name, 2),
        (tea.name, 3),
    ]
    assert not CartItem.objects.filter(user=customer).exists()
    assert (stock(mug), stock(tea)) == (3, 6)


def test_checkout_of_an_empty_cart_should_return_422(customer_client: APIClient):
    assert checkout(customer_client).status_code == 422


def test_checkout_without_an_idempotency_key_should_return_400_and_do_nothing(
    customer_client: APIClient, customer: User
):
    item = CartItemFactory(user=customer)

    response = customer_client.post(ORDERS, CHECKOUT, format="json")

    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    assert CartItem.objects.filter(pk=item.pk).exists()


def test_checkout_with_a_bad_address_should_return_422(customer_client: APIClient):
    response = checkout(customer_client, body={"shipping_address": {**ADDRESS, "country": "x"}})

    assert response.status_code == 422
    assert "country" in response.json()["errors"]


def test_too_little_stock_should_return_409_with_what_is_short_and_reserve_nothing(
    customer_client: APIClient, customer: User
):
    plenty = ProductFactory(stock=10)
    scarce = ProductFactory(stock=3)
    CartItemFactory(user=customer, product=plenty, quantity=2)
    CartItemFactory(user=customer, product=scarce, quantity=4)

    response = checkout(customer_client)

    assert response.status_code == 409
    assert response.json()["short"] == [{"product_id": scarce.pk, "requested": 4, "available": 3}]
    assert (stock(plenty), stock(scarce)) == (10, 3)
    assert CartItem.objects.filter(user=customer).count() == 2


def test_a_repeated_key_should_replay_the_first_answer_and_reserve_once(
    customer_client: APIClient, customer: User
):
    product = ProductFactory(stock=5)
    CartItemFactory(user=customer, product=product, quantity=2)

    first = checkout(customer_client, "key-1")
    second = checkout(customer_client, "key-1")

    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json() == first.json()
    assert stock(product) == 3
    assert Order.objects.count() == 1


def test_a_repeated_key_with_another_body_should_return_422(
    customer_client: APIClient, customer: User
):
    CartItemFactory(user=customer)
    checkout(customer_client, "key-1")

    other = {"shipping_address": {**ADDRESS, "city": "Paris"}}
    response = checkout(customer_client, "key-1", other)

    assert response.status_code == 422
    assert Order.objects.count() == 1


def test_a_key_should_belong_to_its_caller(
    customer_client: APIClient, other_client: APIClient, customer: User, other_customer: User
):
    product = ProductFactory(stock=5)
    CartItemFactory(user=customer, product=product)
    CartItemFactory(user=other_customer, product=product)

    first = checkout(customer_client, "shared-key")
    second = checkout(other_client, "shared-key")

    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["id"] != second.json()["id"]


# --- reading -----------------------------------------------------------------------------------


def test_my_orders_should_be_mine_newest_first_and_paginated(
    customer_client: APIClient, customer: User
):
    older, newer = OrderFactory(user=customer), OrderFactory(user=customer)
    OrderFactory()

    first_page = customer_client.get(ORDERS).json()
    second_page = customer_client.get(ORDERS, {"page": 2, "page_size": 1}).json()

    assert [order["id"] for order in first_page["items"]] == [newer.pk, older.pk]
    assert (first_page["total"], first_page["page"], first_page["page_size"]) == (2, 1, 20)
    assert [order["id"] for order in second_page["items"]] == [older.pk]
    assert customer_client.get(ORDERS, {"page_size": 101}).status_code == 422


def test_an_order_should_be_visible_to_its_owner_and_admins_only(
    customer_client: APIClient,
    other_client: APIClient,
    shop_admin_client: APIClient,
    api_client: APIClient,
    customer: User,
):
    order = OrderFactory(user=customer)

    assert customer_client.get(order_url(order.pk)).status_code == 200
    assert shop_admin_client.get(order_url(order.pk)).status_code == 200
    assert other_client.get(order_url(order.pk)).status_code == 404
    assert api_client.get(order_url(order.pk)).status_code == 401
    assert customer_client.get(order_url(987654321)).status_code == 404


@pytest.mark.parametrize("count", [1, 20])
def test_the_order_list_should_use_three_queries_whatever_the_page_size(
    customer_client: APIClient, customer: User, django_assert_num_queries, count: int
):
    OrderFactory.create_batch(count, user=customer)

    # The overdue check, the page, its lines (prefetched), the count.
    with django_assert_num_queries(4):
        response = customer_client.get(ORDERS, {"page_size": count})

    assert len(response.json()["items"]) == count


# --- cancel, ship, expire ------------------------------------------------------------------------


def test_cancelling_a_pending_order_should_return_the_stock_once(
    customer_client: APIClient, customer: User
):
    order = OrderFactory(user=customer)
    product = Product.objects.get(pk=order.items.get().product_id)

    cancelled = customer_client.post(cancel_url(order.pk))
    again = customer_client.post(cancel_url(order.pk))

    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    assert again.status_code == 409
    assert stock(product) == 10


def test_cancelling_a_paid_order_should_refund_it_and_return_the_stock(
    customer_client: APIClient, customer: User, sandbox
):
    order = OrderFactory(user=customer, status=OrderStatus.PAID, payment_id="ch_1")
    product = Product.objects.get(pk=order.items.get().product_id)

    response = customer_client.post(cancel_url(order.pk))

    assert (response.status_code, response.json()["status"]) == (200, "refunded")
    assert stock(product) == 10
    assert list(sandbox.refunds.values()) == ["ch_1"]


def test_an_admin_may_cancel_and_another_customer_may_not(
    other_client: APIClient, shop_admin_client: APIClient
):
    order = OrderFactory()

    assert other_client.post(cancel_url(order.pk)).status_code == 404
    assert shop_admin_client.post(cancel_url(order.pk)).json()["status"] == "cancelled"


def test_admin_should_ship_a_paid_order_which_can_then_not_be_cancelled(
    customer_client: APIClient, shop_admin_client: APIClient, customer: User
):
    order = OrderFactory(user=customer, status=OrderStatus.PAID, payment_id="ch_1")
    shipped = {"status": "shipped"}

    assert customer_client.patch(order_url(order.pk), shipped, format="json").status_code == 403
    response = shop_admin_client.patch(order_url(order.pk), shipped, format="json")
    assert (response.status_code, response.json()["status"]) == (200, "shipped")
    assert customer_client.post(cancel_url(order.pk)).status_code == 409


@pytest.mark.parametrize("status", [OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED])
def test_only_a_paid_order_should_be_shipped(shop_admin_client: APIClient, status: str):
    order = OrderFactory(status=status)

    response = shop_admin_client.patch(order_url(order.pk), {"status": "shipped"}, format="json")

    assert response.status_code == 409


def test_shipping_needs_the_status_shipped(shop_admin_client: APIClient):
    order = OrderFactory(status=OrderStatus.PAID)

    response = shop_admin_client.patch(order_url(order.pk), {"status": "paid"}, format="json")

    assert response.status_code == 422


def overdue(order: Order, minutes: int = 31) -> Order:
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    return order


def test_an_unpaid_order_past_the_hold_should_be_cancelled_when_read(
    customer_client: APIClient, customer: User
):
    order = overdue(OrderFactory(user=customer))
    product = Product.objects.get(pk=order.items.get().product_id)

    response = customer_client.get(order_url(order.pk))

    assert response.json()["status"] == "cancelled"
    assert stock(product) == 10


def test_expire_orders_should_cancel_only_overdue_unpaid_orders():
    late = overdue(OrderFactory())
    recent = OrderFactory()
    paid = overdue(OrderFactory(status=OrderStatus.PAID))

    call_command("expire_orders")

    statuses = dict(Order.objects.values_list("pk", "status"))
    assert statuses == {late.pk: "cancelled", recent.pk: "pending_payment", paid.pk: "paid"}
