"""The payment webhook: HMAC-signed, recent, JSON, and each event id applied at most once."""

from __future__ import annotations

import time

import httpx
import pytest
from tests.contracts.checks import expect, expect_problem
from tests.contracts.ecommerce.shop import Shop, User, event, sign, unique

URL = "/payments/webhook"


def post(api: httpx.Client, payload: bytes, signature: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers["Payment-Signature"] = signature
    return api.post(URL, content=payload, headers=headers)


def test_payment_succeeded_marks_a_pending_order_paid(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    payload = event("payment.succeeded", order["id"])
    expect(post(api, payload, sign(payload, webhook_secret)), 200, "a signed event")
    assert shop.order(alice, order["id"])["status"] == "paid"


def test_payment_refunded_refunds_a_paid_order_and_returns_its_stock(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.paid_order(alice, product["id"], 2)
    payload = event("payment.refunded", order["id"])
    expect(post(api, payload, sign(payload, webhook_secret)), 200, "a refund event")
    assert shop.order(alice, order["id"])["status"] == "refunded"
    assert shop.stock(product["id"]) == 5


def test_refunding_a_shipped_order_keeps_the_stock_out(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.paid_order(alice, product["id"], 2)
    api.patch(f"/orders/{order['id']}", json={"status": "shipped"}, headers=admin.auth)
    payload = event("payment.refunded", order["id"])
    expect(post(api, payload, sign(payload, webhook_secret)), 200, "a refund of a shipped order")
    assert shop.order(alice, order["id"])["status"] == "refunded"
    assert shop.stock(product["id"]) == 3


def test_the_same_event_id_twice_changes_nothing_the_second_time(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    product = shop.create_product(admin, stock=5)
    first_order = shop.place_order(alice, product["id"])
    second_order = shop.place_order(alice, product["id"])
    event_id = unique("evt_")
    first = event("payment.succeeded", first_order["id"], event_id)
    expect(post(api, first, sign(first, webhook_secret)), 200, "the event")
    # The same id again, even about another order: already processed, so nothing happens.
    replay = event("payment.succeeded", second_order["id"], event_id)
    expect(post(api, replay, sign(replay, webhook_secret)), 200, "the same event id again")
    assert shop.order(alice, first_order["id"])["status"] == "paid"
    assert shop.order(alice, second_order["id"])["status"] == "pending_payment"


def test_a_replayed_refund_returns_the_stock_once(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    product = shop.create_product(admin, stock=5)
    order = shop.paid_order(alice, product["id"], 2)
    payload = event("payment.refunded", order["id"])
    for attempt in range(2):
        expect(post(api, payload, sign(payload, webhook_secret)), 200, f"delivery {attempt + 1}")
    assert shop.stock(product["id"]) == 5


@pytest.mark.parametrize("case", ["unknown type", "unknown order", "order in another state"])
def test_a_signed_event_that_does_not_apply_answers_200_and_changes_nothing(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str, case: str
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    if case == "unknown type":
        payload = event("payment.disputed", order["id"])
    elif case == "unknown order":
        payload = event("payment.succeeded", 987654321)
    else:
        expect(api.post(f"/orders/{order['id']}/cancel", headers=alice.auth), 200, "cancel")
        payload = event("payment.succeeded", order["id"])
    expect(post(api, payload, sign(payload, webhook_secret)), 200, case)
    expected = "cancelled" if case == "order in another state" else "pending_payment"
    assert shop.order(alice, order["id"])["status"] == expected


@pytest.mark.parametrize("case", ["missing", "wrong secret", "garbled", "body changed"])
def test_a_bad_or_missing_signature_answers_400_and_changes_nothing(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str, case: str
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    payload = event("payment.succeeded", order["id"])
    signature = {
        "missing": None,
        "wrong secret": sign(payload, "not-the-secret"),
        "garbled": "t=abc,v1=nothing",
        "body changed": sign(event("payment.succeeded", order["id"]), webhook_secret),
    }[case]
    expect_problem(post(api, payload, signature), 400, f"signature {case}")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"


# 320 s, not 301: the timestamp is whole seconds and the server reads its clock a moment
# after the test signs, so +301 can arrive as 300 s away, which is allowed.
@pytest.mark.parametrize("offset", [-320, 320, -3600, 3600])
def test_a_timestamp_more_than_5_minutes_away_either_way_answers_400(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str, offset: int
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    payload = event("payment.succeeded", order["id"])
    signature = sign(payload, webhook_secret, int(time.time()) + offset)
    expect_problem(post(api, payload, signature), 400, f"timestamp {offset:+d} s")
    assert shop.order(alice, order["id"])["status"] == "pending_payment"


def test_a_timestamp_within_5_minutes_is_accepted(
    api: httpx.Client, shop: Shop, admin: User, alice: User, webhook_secret: str
) -> None:
    order = shop.place_order(alice, shop.create_product(admin)["id"])
    payload = event("payment.succeeded", order["id"])
    expect(post(api, payload, sign(payload, webhook_secret, int(time.time()) - 240)), 200, "-4 min")
    assert shop.order(alice, order["id"])["status"] == "paid"


def test_a_signed_body_that_is_not_json_answers_400(api: httpx.Client, webhook_secret: str) -> None:
    payload = b'{"id": "evt_broken", "type": '
    expect_problem(post(api, payload, sign(payload, webhook_secret)), 400, "invalid JSON")
