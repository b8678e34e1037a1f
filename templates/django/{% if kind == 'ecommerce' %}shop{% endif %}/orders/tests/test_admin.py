"""The admin site runs the shop: its pages open, and "mark as shipped" keeps the rules."""

import pytest
from django.test import Client
from django.urls import reverse

from shop.accounts.models import User
from shop.catalog.tests.factories import ProductFactory
from shop.orders.models import Order, OrderStatus
from shop.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "page",
    [
        "admin:catalog_product_changelist",
        "admin:catalog_category_changelist",
        "admin:orders_order_changelist",
        "admin:accounts_user_changelist",
        "admin:payments_webhookevent_changelist",
        "admin:cart_cartitem_changelist",
    ],
)
def test_the_admin_pages_should_open(staff_client: Client, page: str):
    ProductFactory()
    OrderFactory()

    assert staff_client.get(reverse(page)).status_code == 200


def test_an_order_page_should_show_its_lines(staff_client: Client):
    order = OrderFactory()

    response = staff_client.get(reverse("admin:orders_order_change", args=[order.pk]))

    assert response.status_code == 200
    assert order.items.get().name in response.content.decode()


def test_mark_shipped_should_ship_paid_orders_only(staff_client: Client):
    paid = OrderFactory(status=OrderStatus.PAID)
    pending = OrderFactory()

    staff_client.post(
        reverse("admin:orders_order_changelist"),
        {"action": "mark_shipped", "_selected_action": [paid.pk, pending.pk]},
    )

    statuses = dict(Order.objects.values_list("pk", "status"))
    assert statuses == {paid.pk: "shipped", pending.pk: "pending_payment"}


def test_customers_should_not_reach_the_admin_site(client: Client, customer: User):
    client.force_login(customer)

    response = client.get(reverse("admin:catalog_product_changelist"))

    assert response.status_code == 302  # to the admin's login page
