"""/api/cart and /api/cart/items[/<product_id>]: one cart per customer, within the stock."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from shop.accounts.models import User
from shop.cart.models import CartItem
from shop.cart.tests.factories import CartItemFactory
from shop.catalog.tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

CART = reverse("api:cart")
ITEMS = reverse("api:cart-item-list")


def item_url(product_id: int) -> str:
    return reverse("api:cart-item-detail", args=[product_id])


def add(client: APIClient, product_id: int, quantity: int = 1):
    return client.post(ITEMS, {"product_id": product_id, "quantity": quantity}, format="json")


def test_a_new_cart_should_be_empty_in_the_shops_currency(customer_client: APIClient):
    response = customer_client.get(CART)

    assert response.json() == {"items": [], "subtotal_cents": 0, "currency": "EUR"}


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", CART),
        ("post", ITEMS),
        ("patch", "/api/cart/items/1"),
        ("delete", "/api/cart/items/1"),
    ],
)
def test_the_cart_should_need_a_signed_in_customer(api_client: APIClient, method: str, url: str):
    response = getattr(api_client, method)(url, {"product_id": 1, "quantity": 1}, format="json")

    assert response.status_code == 401


def test_adding_twice_should_add_up_and_price_each_line(customer_client: APIClient):
    mug = ProductFactory(price_cents=250, stock=5)
    tea = ProductFactory(price_cents=1000, stock=5)
    add(customer_client, mug.pk)
    add(customer_client, tea.pk)

    response = add(customer_client, mug.pk, 2)

    assert response.status_code == 200
    assert response.json()["items"][0] == {
        "product_id": mug.pk,
        "name": mug.name,
        "unit_price_cents": 250,
        "quantity": 3,
        "line_total_cents": 750,
    }
    assert response.json()["subtotal_cents"] == 1750


def test_adding_an_unknown_product_should_return_404(customer_client: APIClient):
    assert add(customer_client, 987654321).status_code == 404


@pytest.mark.parametrize("quantity", [0, -1, 4])
def test_adding_less_than_one_or_more_than_in_stock_should_return_422(
    customer_client: APIClient, quantity: int
):
    product = ProductFactory(stock=3)

    response = add(customer_client, product.pk, quantity)

    assert response.status_code == 422
    assert "quantity" in response.json()["errors"]
    assert not CartItem.objects.exists()


def test_adding_beyond_the_stock_in_total_should_return_422(
    customer_client: APIClient, customer: User
):
    item = CartItemFactory(user=customer, product=ProductFactory(stock=3), quantity=2)

    assert add(customer_client, item.product_id, 2).status_code == 422
    item.refresh_from_db()
    assert item.quantity == 2


def test_patch_should_set_the_quantity_and_zero_should_remove_the_line(
    customer_client: APIClient, customer: User
):
    item = CartItemFactory(user=customer, product=ProductFactory(stock=5))

    set_to_4 = customer_client.patch(item_url(item.product_id), {"quantity": 4}, format="json")
    set_to_6 = customer_client.patch(item_url(item.product_id), {"quantity": 6}, format="json")
    set_to_0 = customer_client.patch(item_url(item.product_id), {"quantity": 0}, format="json")

    assert (set_to_4.status_code, set_to_4.json()["items"][0]["quantity"]) == (200, 4)
    assert set_to_6.status_code == 422
    assert (set_to_0.status_code, set_to_0.json()["items"]) == (200, [])


def test_patch_of_a_product_not_in_the_cart_should_return_404(customer_client: APIClient):
    product = ProductFactory()

    response = customer_client.patch(item_url(product.pk), {"quantity": 1}, format="json")

    assert response.status_code == 404


def test_delete_should_remove_the_line(customer_client: APIClient, customer: User):
    item = CartItemFactory(user=customer)

    assert customer_client.delete(item_url(item.product_id)).status_code == 204
    assert not CartItem.objects.exists()


def test_each_customer_should_have_their_own_cart(
    customer_client: APIClient, other_client: APIClient, other_customer: User
):
    CartItemFactory(user=other_customer)

    assert customer_client.get(CART).json()["items"] == []
    assert len(other_client.get(CART).json()["items"]) == 1
