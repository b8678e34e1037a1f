"""Checkout (Idempotency-Key, stock reserved once, atomically), orders, cancel and ship."""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.conftest import ContractServer
from tests.contracts.ecommerce.shop import ADDRESS, Shop, User, new_key

RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")
CHECKOUT = {"shipping_address": ADDRESS}

# --- checkout -----------------------------------------------------------------------


def test_checkout_makes_a_pending_order_empties_the_cart_and_reserves_stock(
    shop: Shop, admin: User, alice: User
) -> None:
    mug = shop.create_product(admin, price_cents=700, stock=5)
    tea = shop.create_product(admin, price_cents=150, stock=9)
    shop.add_to_cart(alice, mug["id"], 2)
    shop.add_to_cart(alice, tea["id"], 3)
    order = expect(shop.checkout(alice), 201, "checking out")
    assert order["status"] == "pending_payment"
    assert (order["total_cents"], order["currency"]) == (1850, "EUR")
    assert RFC3339_UTC.match(order["created_at"]), order["created_at"]
    lines = sorted(order["items"], key=lambda line: line["unit_price_cents"])
    assert [
        (line["product_id"], line["name"], line["unit_price_cents"], line["quantity"])
        for line in lines
    ] == [(tea["id"], tea["name"], 150, 3), (mug["id"], mug["name"], 700, 2)]
    assert shop.cart(alice)["items"] == []
    assert (shop.stock(mug["id"]), shop.stock(tea["id"])) == (3, 6)


def test_the_order_keeps_the_price_paid_when_the_catalogue_changes(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, price_cents=500)
    order = shop.place_order(alice, product["id"])
    api.patch(f"/products/{product['id']}", json={"price_cents": 9900}, headers=admin.auth)
    read = shop.order(alice, order["id"])
    assert (read["items"][0]["unit_price_cents"], read["total_cents"]) == (500, 500)


def test_checkout_without_an_idempotency_key_answers_400_and_does_nothing(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=4)
    shop.add_to_cart(alice, product["id"])
    expect_problem(api.post("/orders", json=CHECKOUT, headers=alice.auth), 400, "no key")
    assert shop.stock(product["id"]) == 4
    assert len(shop.cart(alice)["items"]) == 1


def test_checkout_of_an_empty_cart_answers_422(shop: Shop, alice: User) -> None:
    expect_problem(shop.checkout(alice), 422, "checking out an empty cart")


def test_too_little_stock_answers_409_with_what_is_short_and_reserves_nothing(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    plenty = shop.create_product(admin, stock=10)
    scarce = shop.create_product(admin, stock=5)
    shop.add_to_cart(alice, plenty["id"], 2)
    shop.add_to_cart(alice, scarce["id"], 4)
    api.patch(f"/products/{scarce['id']}", json={"stock": 3}, headers=admin.auth)
    problem = expect_problem(shop.checkout(alice), 409, "checking out more than in stock")
    assert problem.get("short") == [{"product_id": scarce["id"], "requested": 4, "available": 3}]
    assert (shop.stock(plenty["id"]), shop.stock(scarce["id"])) == (10, 3)
    assert len(shop.cart(alice)["items"]) == 2


def test_a_repeated_key_replays_the_first_answer_and_reserves_stock_once(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    shop.add_to_cart(alice, product["id"], 2)
    key = new_key()
    first = shop.checkout(alice, key)
    second = shop.checkout(alice, key)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json() == first.json()
    assert shop.stock(product["id"]) == 3
    orders = expect(api.get("/orders", headers=alice.auth), 200, "listing orders")
    assert orders["total"] == 1


def test_a_repeated_key_with_a_different_body_answers_422(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    shop.add_to_cart(alice, product["id"])
    key = new_key()
    expect(shop.checkout(alice, key), 201, "first checkout")
    other = {"shipping_address": {**ADDRESS, "city": "Paris"}}
    response = api.post("/orders", json=other, headers=alice.with_key(key))
    expect_problem(response, 422, "the same key with another address")
    assert expect(api.get("/orders", headers=alice.auth), 200, "orders")["total"] == 1


def test_a_key_belongs_to_its_caller(shop: Shop, admin: User, alice: User, bob: User) -> None:
    product = shop.create_product(admin, stock=5)
    shop.add_to_cart(alice, product["id"])
    shop.add_to_cart(bob, product["id"])
    key = new_key()
    first = expect(shop.checkout(alice, key), 201, "alice's checkout")
    second = expect(shop.checkout(bob, key), 201, "bob's checkout with alice's key")
    assert first["id"] != second["id"]
    assert shop.stock(product["id"]) == 3


def test_twelve_concurrent_checkouts_of_the_last_five_items_make_exactly_five_orders(
    contract_server: ContractServer, shop: Shop, admin: User
) -> None:
    buyers_count, stock = 12, 5
    product = shop.create_product(admin, stock=stock)

    def register(_: int) -> User:
        # Password hashing is slow on purpose: register a few customers at a time.
        with contract_server.client(timeout=60) as client:
            return Shop(client).register("racer")

    with ThreadPoolExecutor(4) as pool:
        buyers = list(pool.map(register, range(buyers_count)))
    for buyer in buyers:
        shop.add_to_cart(buyer, product["id"], 1)
    start = threading.Barrier(buyers_count)

    def checkout(buyer: User) -> int:
        # One connection per customer, all sent at the same moment.
        with contract_server.client(timeout=60) as client:
            start.wait()
            response = client.post("/orders", json=CHECKOUT, headers=buyer.with_key())
            return response.status_code

    with ThreadPoolExecutor(buyers_count) as pool:
        statuses = sorted(pool.map(checkout, buyers))
    assert statuses == [201] * stock + [409] * (buyers_count - stock), statuses
    assert shop.stock(product["id"]) == 0


def test_one_cart_checked_out_from_two_tabs_at_once_makes_one_order(
    contract_server: ContractServer, shop: Shop, admin: User, alice: User
) -> None:
    """Two concurrent checkouts of one cart, each with its own key: one order, stock taken once.

    The second finds the cart empty (422) or already being checked out (409).
    """
    product = shop.create_product(admin, stock=10)
    shop.add_to_cart(alice, product["id"], 2)
    tabs = 2
    start = threading.Barrier(tabs)

    def checkout(key: str) -> int:
        with contract_server.client(timeout=60) as client:
            start.wait()
            response = client.post("/orders", json=CHECKOUT, headers=alice.with_key(key))
            return response.status_code

    with ThreadPoolExecutor(tabs) as pool:
        statuses = sorted(pool.map(checkout, [new_key() for _ in range(tabs)]))
    assert statuses[0] == 201 and statuses[1] in (409, 422), statuses
    assert shop.stock(product["id"]) == 8
    orders = expect(shop.api.get("/orders", headers=alice.auth), 200, "listing alice's orders")
    assert orders["total"] == 1, f"one cart became {orders['total']} orders"


# --- reading orders -------------------------------------------------------------------


def test_my_orders_are_mine_newest_first_and_paginated(
    api: httpx.Client, shop: Shop, admin: User, alice: User, bob: User
) -> None:
    product = shop.create_product(admin, stock=10)
    older = shop.place_order(alice, product["id"])
    newer = shop.place_order(alice, product["id"])
    shop.place_order(bob, product["id"])
    page = expect(api.get("/orders", headers=alice.auth), 200, "GET /orders")
    assert [order["id"] for order in page["items"]] == [newer["id"], older["id"]]
    assert (page["total"], page["page"], page["page_size"]) == (2, 1, 20)
    second = expect(
        api.get("/orders", params={"page": 2, "page_size": 1}, headers=alice.auth), 200, "page 2"
    )
    assert [order["id"] for order in second["items"]] == [older["id"]]
    assert (second["total"], second["page"], second["page_size"]) == (2, 2, 1)
    expect_field_errors(api.get("/orders", params={"page_size": 101}, headers=alice.auth), "101")


def test_an_order_is_visible_to_its_owner_and_to_admins_only(
    api: httpx.Client, shop: Shop, admin: User, alice: User, bob: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    url = f"/orders/{order['id']}"
    assert expect(api.get(url, headers=alice.auth), 200, "owner")["id"] == order["id"]
    assert expect(api.get(url, headers=admin.auth), 200, "admin")["id"] == order["id"]
    expect_problem(api.get(url, headers=bob.auth), 404, "another customer's order")
    expect_problem(api.get(url), 401, "anonymous")
    expect_problem(api.get("/orders/987654321", headers=alice.auth), 404, "no such order")


# --- cancel, refund, ship -------------------------------------------------------------


def test_cancelling_a_pending_order_returns_the_stock(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.place_order(alice, product["id"], 2)
    assert shop.stock(product["id"]) == 3
    cancelled = expect(
        api.post(f"/orders/{order['id']}/cancel", headers=alice.auth), 200, "cancelling"
    )
    assert cancelled["status"] == "cancelled"
    assert shop.stock(product["id"]) == 5
    again = api.post(f"/orders/{order['id']}/cancel", headers=alice.auth)
    expect_problem(again, 409, "cancelling a cancelled order")
    assert shop.stock(product["id"]) == 5


def test_cancelling_a_paid_order_refunds_it_and_returns_the_stock(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.paid_order(alice, product["id"], 2)
    refunded = expect(
        api.post(f"/orders/{order['id']}/cancel", headers=alice.auth), 200, "cancelling paid"
    )
    assert refunded["status"] == "refunded"
    assert shop.stock(product["id"]) == 5


def test_an_admin_may_cancel_and_another_customer_may_not(
    api: httpx.Client, shop: Shop, admin: User, alice: User, bob: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    expect_problem(api.post(f"/orders/{order['id']}/cancel", headers=bob.auth), 404, "bob")
    response = api.post(f"/orders/{order['id']}/cancel", headers=admin.auth)
    assert expect(response, 200, "admin cancels")["status"] == "cancelled"


def test_admin_ships_a_paid_order_which_can_then_not_be_cancelled(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.paid_order(alice, product["id"])
    url = f"/orders/{order['id']}"
    expect_problem(api.patch(url, json={"status": "shipped"}, headers=alice.auth), 403, "customer")
    shipped = expect(api.patch(url, json={"status": "shipped"}, headers=admin.auth), 200, "ship")
    assert shipped["status"] == "shipped"
    expect_problem(api.post(f"{url}/cancel", headers=alice.auth), 409, "cancel a shipped order")
    assert shop.stock(product["id"]) == 4


@pytest.mark.parametrize("state", ["pending_payment", "cancelled"])
def test_only_a_paid_order_can_be_shipped(
    api: httpx.Client, shop: Shop, admin: User, alice: User, state: str
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    if state == "cancelled":
        expect(api.post(f"/orders/{order['id']}/cancel", headers=alice.auth), 200, "cancel")
    response = api.patch(f"/orders/{order['id']}", json={"status": "shipped"}, headers=admin.auth)
    expect_problem(response, 409, f"shipping a {state} order")
