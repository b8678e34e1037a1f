"""The cart: one per signed-in customer, never more than is in stock."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.ecommerce.shop import Shop, User


def test_a_new_cart_is_empty_in_the_shops_currency(shop: Shop, alice: User) -> None:
    assert shop.cart(alice) == {"items": [], "subtotal_cents": 0, "currency": "EUR"}


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/cart"), ("POST", "/cart/items"), ("PATCH", "/cart/items/1"),
     ("DELETE", "/cart/items/1")],
)  # fmt: skip
def test_the_cart_needs_a_signed_in_customer(api: httpx.Client, method: str, path: str) -> None:
    body = None if method in ("GET", "DELETE") else {"product_id": 1, "quantity": 1}
    expect_problem(api.request(method, path, json=body), 401, f"{method} {path} anonymously")


def test_adding_twice_adds_up_and_prices_each_line(shop: Shop, admin: User, alice: User) -> None:
    mug = shop.create_product(admin, price_cents=250, stock=5)
    tea = shop.create_product(admin, price_cents=1000, stock=5)
    shop.add_to_cart(alice, mug["id"], 1)
    shop.add_to_cart(alice, tea["id"], 1)
    cart = shop.add_to_cart(alice, mug["id"], 2)
    lines = {line["product_id"]: line for line in cart["items"]}
    assert lines[mug["id"]] == {
        "product_id": mug["id"],
        "name": mug["name"],
        "unit_price_cents": 250,
        "quantity": 3,
        "line_total_cents": 750,
    }
    assert (cart["subtotal_cents"], cart["currency"]) == (1750, "EUR")
    assert shop.cart(alice) == cart


def test_adding_an_unknown_product_answers_404(api: httpx.Client, alice: User) -> None:
    response = api.post(
        "/cart/items", json={"product_id": 987654321, "quantity": 1}, headers=alice.auth
    )
    expect_problem(response, 404, "adding an unknown product")


def test_less_than_one_or_more_than_in_stock_answers_422(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=3)
    for quantity in (0, -1):
        body = {"product_id": product["id"], "quantity": quantity}
        expect_field_errors(api.post("/cart/items", json=body, headers=alice.auth), "qty < 1")
    body = {"product_id": product["id"], "quantity": 4}
    expect_field_errors(api.post("/cart/items", json=body, headers=alice.auth), "qty > stock")
    shop.add_to_cart(alice, product["id"], 2)
    body = {"product_id": product["id"], "quantity": 2}  # 2 + 2 > 3
    expect_field_errors(api.post("/cart/items", json=body, headers=alice.auth), "total > stock")
    assert shop.cart(alice)["items"][0]["quantity"] == 2


def test_patch_sets_the_quantity_and_zero_removes_the_line(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    shop.add_to_cart(alice, product["id"])
    url = f"/cart/items/{product['id']}"
    cart = expect(api.patch(url, json={"quantity": 4}, headers=alice.auth), 200, "set to 4")
    assert cart["items"][0]["quantity"] == 4
    expect_field_errors(api.patch(url, json={"quantity": 6}, headers=alice.auth), "6 > stock")
    cart = expect(api.patch(url, json={"quantity": 0}, headers=alice.auth), 200, "set to 0")
    assert cart["items"] == []


def test_patch_of_a_product_not_in_the_cart_answers_404(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin)
    response = api.patch(f"/cart/items/{product['id']}", json={"quantity": 1}, headers=alice.auth)
    expect_problem(response, 404, "PATCH a product that is not in the cart")


def test_delete_removes_the_line(api: httpx.Client, shop: Shop, admin: User, alice: User) -> None:
    product = shop.create_product(admin)
    shop.add_to_cart(alice, product["id"])
    expect(api.delete(f"/cart/items/{product['id']}", headers=alice.auth), 204, "removing")
    assert shop.cart(alice)["items"] == []


def test_each_customer_has_their_own_cart(shop: Shop, admin: User, alice: User, bob: User) -> None:
    shop.add_to_cart(alice, shop.create_product(admin)["id"])
    assert shop.cart(bob)["items"] == []
