"""A small client for the e-commerce contract suite: setup steps and shared checks.

The tests call the API directly for the requests they check; these helpers make
the customers, categories, products, carts and orders a test needs, asserting each
step succeeded so that a broken setup is never mistaken for the behaviour under
test. Every name is unique (uuid): tests never collide, and they run on a shared
database that already holds other tests' data.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from tests.contracts.checks import PASSWORD, expect

ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "12 Analytical Street",
    "city": "London",
    "postal_code": "N1 9GU",
    "country": "GB",
}


def unique(prefix: str = "") -> str:
    """A name no other test uses: ``prefix`` plus 12 hex digits."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


def new_key() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class User:
    id: int
    email: str
    password: str
    token: str
    role: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def with_key(self, key: str | None = None) -> dict[str, str]:
        """Auth plus an Idempotency-Key (a fresh one unless given)."""
        return {**self.auth, "Idempotency-Key": key or new_key()}


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Payment-Signature header: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">."""
    t = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def event(event_type: str, order_id: int, event_id: str | None = None) -> bytes:
    body = {"id": event_id or unique("evt_"), "type": event_type, "data": {"order_id": order_id}}
    return json.dumps(body).encode()


class Shop:
    """Setup steps over one HTTP client whose base URL is the API's (…/api)."""

    def __init__(self, api: httpx.Client) -> None:
        self.api = api

    # --- accounts ---------------------------------------------------------------

    def register(self, prefix: str = "customer") -> User:
        email = f"{unique(prefix)}@example.com"
        body = {"email": email, "password": PASSWORD, "name": prefix.title()}
        answer = expect(self.api.post("/auth/register", json=body), 201, "registering")
        user = answer["user"]
        return User(user["id"], email, PASSWORD, answer["token"], user["role"])

    def login(self, email: str, password: str) -> User:
        response = self.api.post("/auth/login", json={"email": email, "password": password})
        answer = expect(response, 200, f"logging in as {email}")
        user = answer["user"]
        return User(user["id"], email, password, answer["token"], user["role"])

    # --- catalogue --------------------------------------------------------------

    def create_category(self, admin: User, name: str | None = None) -> dict[str, Any]:
        body = {"name": name or unique("Category ")}
        return expect(
            self.api.post("/categories", json=body, headers=admin.auth), 201, "adding a category"
        )

    def create_product(
        self,
        admin: User,
        *,
        category_id: int | None = None,
        name: str | None = None,
        description: str = "A fine product.",
        price_cents: int = 1000,
        stock: int = 10,
    ) -> dict[str, Any]:
        body = {
            "name": name or unique("Product "),
            "description": description,
            "price_cents": price_cents,
            "currency": "EUR",
            "stock": stock,
            "category_id": category_id or self.create_category(admin)["id"],
        }
        return expect(
            self.api.post("/products", json=body, headers=admin.auth), 201, "adding a product"
        )

    def product(self, product_id: int) -> dict[str, Any]:
        return expect(self.api.get(f"/products/{product_id}"), 200, "reading a product")

    def stock(self, product_id: int) -> int:
        stock: int = self.product(product_id)["stock"]
        return stock

    def list_products(self, **query: Any) -> dict[str, Any]:
        return expect(self.api.get("/products", params=query), 200, f"listing products {query}")

    # --- cart, orders -----------------------------------------------------------

    def add_to_cart(self, user: User, product_id: int, quantity: int = 1) -> dict[str, Any]:
        body = {"product_id": product_id, "quantity": quantity}
        return expect(
            self.api.post("/cart/items", json=body, headers=user.auth), 200, "adding to the cart"
        )

    def cart(self, user: User) -> dict[str, Any]:
        return expect(self.api.get("/cart", headers=user.auth), 200, "reading the cart")

    def checkout(self, user: User, key: str | None = None) -> httpx.Response:
        return self.api.post(
            "/orders", json={"shipping_address": ADDRESS}, headers=user.with_key(key)
        )

    def place_order(self, user: User, product_id: int, quantity: int = 1) -> dict[str, Any]:
        self.add_to_cart(user, product_id, quantity)
        return expect(self.checkout(user), 201, "checking out")

    def pay(
        self, user: User, order_id: int, token: str = "tok_visa", key: str | None = None
    ) -> httpx.Response:
        return self.api.post(
            f"/orders/{order_id}/pay", json={"payment_token": token}, headers=user.with_key(key)
        )

    def paid_order(self, user: User, product_id: int, quantity: int = 1) -> dict[str, Any]:
        order = self.place_order(user, product_id, quantity)
        return expect(self.pay(user, order["id"]), 200, "paying with tok_visa")

    def order(self, user: User, order_id: int) -> dict[str, Any]:
        return expect(self.api.get(f"/orders/{order_id}", headers=user.auth), 200, "reading")
