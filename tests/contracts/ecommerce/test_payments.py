"""Paying through the sandbox: tok_visa 200 paid, tok_declined 402, tok_error 502."""

from __future__ import annotations

import httpx
from tests.contracts.checks import expect, expect_problem
from tests.contracts.ecommerce.shop import Shop, User, new_key


def test_tok_visa_pays_the_order(shop: Shop, admin: User, alice: User) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    paid = expect(shop.pay(alice, order["id"], "tok_visa"), 200, "paying with tok_visa")
    assert (paid["id"], paid["status"]) == (order["id"], "paid")
    assert shop.order(alice, order["id"])["status"] == "paid"


def test_tok_declined_answers_402_and_the_order_stays_payable(
    shop: Shop, admin: User, alice: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    expect_problem(shop.pay(alice, order["id"], "tok_declined"), 402, "a declined card")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"
    expect(shop.pay(alice, order["id"], "tok_visa"), 200, "paying again with another card")


def test_tok_error_answers_502_charges_nothing_and_leaves_the_key_unused(
    shop: Shop, admin: User, alice: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    key = new_key()
    expect_problem(shop.pay(alice, order["id"], "tok_error", key), 502, "a provider outage")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"
    # The 5xx did not use the key up: the client retries with it and is charged once.
    paid = expect(shop.pay(alice, order["id"], "tok_visa", key), 200, "retrying with the key")
    assert paid["status"] == "paid"


def test_one_key_never_charges_twice(shop: Shop, admin: User, alice: User) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    key = new_key()
    first = shop.pay(alice, order["id"], "tok_visa", key)
    second = shop.pay(alice, order["id"], "tok_visa", key)
    assert (first.status_code, second.status_code) == (200, 200), second.text
    assert second.json() == first.json()
    # A second charge needs a new key, and a paid order is not payable.
    expect_problem(shop.pay(alice, order["id"], "tok_visa"), 409, "paying a paid order")


def test_a_repeated_payment_key_with_another_token_answers_422(
    shop: Shop, admin: User, alice: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    key = new_key()
    expect_problem(shop.pay(alice, order["id"], "tok_declined", key), 402, "declined")
    expect_problem(shop.pay(alice, order["id"], "tok_visa", key), 422, "same key, other token")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"


def test_paying_without_an_idempotency_key_answers_400(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    response = api.post(
        f"/orders/{order['id']}/pay", json={"payment_token": "tok_visa"}, headers=alice.auth
    )
    expect_problem(response, 400, "paying without a key")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"


def test_a_cancelled_order_is_not_payable(
    api: httpx.Client, shop: Shop, admin: User, alice: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    expect(api.post(f"/orders/{order['id']}/cancel", headers=alice.auth), 200, "cancelling")
    expect_problem(shop.pay(alice, order["id"]), 409, "paying a cancelled order")


def test_nobody_pays_another_customers_order(
    shop: Shop, admin: User, alice: User, bob: User
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    expect_problem(shop.pay(bob, order["id"]), 404, "bob pays alice's order")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"
