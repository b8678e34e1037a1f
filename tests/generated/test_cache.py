"""Redis (`cache: redis`): two copies of every generated app sharing PostgreSQL and Redis.

Issue #18's tests, for every kind of every framework that can use Redis: the kind's cached
reads (kind.yml's `cache:`) land in Redis; a write through one copy shows in the cached read
through the other at once, for each kind of write that kind.yml says makes them old; with
Redis stopped, reads still answer from the database, sign-ins are refused (503, the limits
fail closed) and readiness says so, and all is well again once Redis is back. The login
limit across the copies is test_balancer.py's, which runs on Redis here too.

The copies are the lab's (tests/support/lab.py): ``make run`` twice on one PostgreSQL
database, both given the combination's Redis (tests/support/redis.py). Writes go to the
first copy and reads to the second, directly, so that "the other copy" is certain.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from tests.generated.contracts import ACCOUNTS
from tests.support.balancer import Balancer
from tests.support.lab import ProjectLab, combination_param
from tests.support.matrix import cache_of, offered_combinations
from tests.support.net import Response, request
from tests.support.postgres import PostgresServer
from tests.support.redis import RedisServer

pytestmark = pytest.mark.generated

COMBOS = [
    combination_param(kind, framework)
    for kind, framework in offered_combinations()
    if cache_of(framework) == "redis"
]

#: The word before the token in each kind's Authorization header.
TOKEN_SCHEME = {"blog": "Token", "ecommerce": "Bearer", "social": "Bearer"}


@dataclass
class Copies:
    """The combination's two copies (by port), its nginx and its Redis."""

    kind: str
    writer: int
    reader: int
    balancer: Balancer
    redis: RedisServer
    lab: ProjectLab
    framework: str

    def call(
        self, port: int, method: str, path: str, body: Any = None, token: str | None = None
    ) -> tuple[int, Any, Response]:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = f"{TOKEN_SCHEME[self.kind]} {token}"
        data = json.dumps(body).encode() if body is not None else None
        response = request(port, method, path, data, headers)
        try:
            parsed = json.loads(response.body) if response.body else None
        except ValueError:
            parsed = None
        return response.status, parsed, response

    def write(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        """A write through the first copy; fails the test unless it succeeded."""
        status, parsed, response = self.call(self.writer, method, path, body, token)
        assert 200 <= status < 300, (
            f"{method} {path} on the first copy: {status} {response.text[:300]}"
        )
        return parsed

    def read(self, path: str) -> Any:
        """An anonymous read through the second copy; fails the test unless it is 200."""
        status, parsed, response = self.call(self.reader, "GET", path)
        assert status == 200, f"GET {path} on the second copy: {status} {response.text[:300]}"
        return parsed

    def warm(self, *paths: str) -> None:
        """Read each path twice on the second copy: the first fills the cache."""
        for path in paths:
            self.read(path)
            self.read(path)

    def register(self, name: str) -> tuple[str, str, str]:
        """A new account (through the first copy): its name, e-mail and token."""
        name = f"{name}{secrets.token_hex(4)}"
        email, password = f"{name}@example.com", f"Tr0ub4dor-{secrets.token_hex(8)}"
        accounts = ACCOUNTS[self.kind]
        status, parsed, response = self.call(
            self.writer,
            "POST",
            accounts.register_path,
            json.loads(accounts.registration(name, email, password)),
        )
        assert status in (200, 201), (
            f"registering on the first copy: {status} {response.text[:300]}"
        )
        return name, email, _token(self.kind, parsed)


def _token(kind: str, parsed: Any) -> str:
    return str(parsed["user"]["token"] if kind == "blog" else parsed["token"])


@pytest.fixture(scope="module", params=COMBOS)
def copies(request: pytest.FixtureRequest, lab: ProjectLab, postgres: PostgresServer) -> Copies:
    kind, framework = request.param
    balancer = lab.balancer(kind, framework, postgres)
    writer, reader = balancer.copies
    return Copies(kind, writer, reader, balancer, lab.redis(kind, framework), lab, framework)


# --- the kinds' cached reads and the writes that make them old (kind.yml's `cache:`) ----

Check = tuple[str, Callable[[], None]]


def _blog(copies: Copies) -> tuple[list[str], list[Check]]:
    _, _, author_token = copies.register("author")
    _, _, reader_token = copies.register("reader")
    tag = f"t{secrets.token_hex(5)}"
    newest = "/api/articles?limit=5"
    reads = ["/api/tags", newest]
    state: dict[str, str] = {}

    def publish() -> None:
        article = {"title": f"Cached {tag}", "description": "d", "body": "b", "tagList": [tag]}
        state["slug"] = copies.write("POST", "/api/articles", {"article": article}, author_token)[
            "article"
        ]["slug"]
        assert tag in copies.read("/api/tags")["tags"], (
            "the new article's tag is missing from GET /api/tags"
        )
        assert copies.read(newest)["articles"][0]["slug"] == state["slug"], (
            "the new article is not the newest"
        )

    def edit() -> None:
        copies.write(
            "PUT",
            f"/api/articles/{state['slug']}",
            {"article": {"description": "edited"}},
            author_token,
        )
        assert _article(copies.read(newest), state["slug"])["description"] == "edited"

    def favourite() -> None:
        copies.write("POST", f"/api/articles/{state['slug']}/favorite", None, reader_token)
        assert _article(copies.read(newest), state["slug"])["favoritesCount"] == 1

    def unfavourite() -> None:
        copies.write("DELETE", f"/api/articles/{state['slug']}/favorite", None, reader_token)
        assert _article(copies.read(newest), state["slug"])["favoritesCount"] == 0

    def profile_change() -> None:
        copies.write("PUT", "/api/user", {"user": {"bio": f"bio {tag}"}}, author_token)
        assert _article(copies.read(newest), state["slug"])["author"]["bio"] == f"bio {tag}"

    def delete() -> None:
        copies.write("DELETE", f"/api/articles/{state['slug']}", None, author_token)
        slugs = [article["slug"] for article in copies.read(newest)["articles"]]
        assert state["slug"] not in slugs, "a deleted article is still listed"

    checks = [
        ("publishing an article", publish),
        ("editing it", edit),
        ("a favourite", favourite),
        ("an unfavourite", unfavourite),
        ("its author's profile change", profile_change),
        ("deleting it", delete),
    ]
    return reads, checks


def _article(listing: Any, slug: str) -> dict[str, Any]:
    found = [article for article in listing["articles"] if article["slug"] == slug]
    assert found, f"article {slug} is not in the list"
    return dict(found[0])


def _shop(copies: Copies) -> tuple[list[str], list[Check]]:
    admin = _shop_admin(copies)
    _, _, customer = copies.register("customer")
    word = f"cached{secrets.token_hex(4)}"
    category = copies.write("POST", "/api/categories", {"name": f"Category {word}"}, admin)
    product = copies.write(
        "POST",
        "/api/products",
        {
            "name": f"Mug {word}",
            "description": "a mug",
            "price_cents": 1000,
            "currency": "EUR",
            "stock": 5,
            "category_id": category["id"],
        },
        admin,
    )
    one = f"/api/products/{product['id']}"
    search = f"/api/products?search={word}"
    reads = ["/api/categories", search, one]
    state: dict[str, Any] = {}

    def price_change() -> None:
        copies.write("PATCH", one, {"price_cents": 1200}, admin)
        assert copies.read(one)["price_cents"] == 1200
        assert copies.read(search)["items"][0]["price_cents"] == 1200

    def new_category() -> None:
        copies.write("POST", "/api/categories", {"name": f"Second {word}"}, admin)
        names = [item["name"] for item in copies.read("/api/categories")]
        assert f"Second {word}" in names, "a new category is missing from GET /api/categories"

    def order_placed() -> None:
        copies.write(
            "POST", "/api/cart/items", {"product_id": product["id"], "quantity": 2}, customer
        )
        state["order"] = _order(copies, customer)
        assert copies.read(one)["stock"] == 3, "stock after an order of 2 out of 5"
        assert copies.read(search)["items"][0]["stock"] == 3

    def order_cancelled() -> None:
        copies.write("POST", f"/api/orders/{state['order']['id']}/cancel", None, customer)
        assert copies.read(one)["stock"] == 5, "stock after the order was cancelled"

    checks = [
        ("an admin's price change", price_change),
        ("an admin's new category", new_category),
        ("an order", order_placed),
        ("a cancelled order", order_cancelled),
    ]
    return reads, checks


_ADDRESS = {
    "name": "Ada",
    "line1": "1 Main St",
    "city": "Paris",
    "postal_code": "75001",
    "country": "FR",
}


def _order(copies: Copies, customer: str) -> Any:
    """The customer's cart turned into an order, on the first copy (it needs an Idempotency-Key)."""
    headers = {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {customer}",
        "Idempotency-Key": secrets.token_hex(16),
    }
    response = request(
        copies.writer,
        "POST",
        "/api/orders",
        json.dumps({"shipping_address": _ADDRESS}).encode(),
        headers,
    )
    assert response.status == 201, (
        f"POST /api/orders on the first copy: {response.status} {response.text[:300]}"
    )
    return json.loads(response.body)


def _shop_admin(copies: Copies) -> str:
    """An admin made with the project's `make create-admin`, signed in on the first copy."""
    email, password = (
        f"cacheadmin{secrets.token_hex(4)}@example.com",
        f"Adm1n-{secrets.token_hex(8)}",
    )
    server = copies.lab.servers[(copies.kind, copies.framework, "postgresql")]
    step = server.project.make(
        "create-admin",
        extra_env={**server.env, "EMAIL": email, "PASSWORD": password, "ADMIN_PASSWORD": password},
        timeout=300,
    )
    assert step.ok, f"make create-admin: {step.describe()}"
    status, parsed, response = copies.call(
        copies.writer,
        "POST",
        ACCOUNTS["ecommerce"].login_path,
        {"email": email, "password": password},
    )
    assert status == 200, f"the admin's sign-in: {status} {response.text[:300]}"
    return _token("ecommerce", parsed)


def _social(copies: Copies) -> tuple[list[str], list[Check]]:
    alice, _, alice_token = copies.register("alice")
    bob, _, bob_token = copies.register("bob")
    profile_of = {name: f"/api/users/{name}" for name in (alice, bob)}
    state: dict[str, Any] = {}

    def follow() -> None:
        copies.write("POST", f"/api/users/{alice}/follow", None, bob_token)
        assert copies.read(profile_of[alice])["followers_count"] == 1, "the followed one's count"
        assert copies.read(profile_of[bob])["following_count"] == 1, "the follower's count"

    def post() -> None:
        state["post"] = copies.write("POST", "/api/posts", {"body": "cached, or not?"}, alice_token)
        assert copies.read(profile_of[alice])["posts_count"] == 1

    def profile_change() -> None:
        copies.write("PATCH", "/api/users/me", {"bio": "changed"}, alice_token)
        assert copies.read(profile_of[alice])["bio"] == "changed"

    def delete_post() -> None:
        copies.write("DELETE", f"/api/posts/{state['post']['id']}", None, alice_token)
        assert copies.read(profile_of[alice])["posts_count"] == 0

    def unfollow() -> None:
        copies.write("DELETE", f"/api/users/{alice}/follow", None, bob_token)
        assert copies.read(profile_of[alice])["followers_count"] == 0
        assert copies.read(profile_of[bob])["following_count"] == 0

    checks = [
        ("a follow", follow),
        ("a post", post),
        ("a profile change", profile_change),
        ("a deleted post", delete_post),
        ("an unfollow", unfollow),
    ]
    return list(profile_of.values()), checks


SCENARIOS: dict[str, Callable[[Copies], tuple[list[str], list[Check]]]] = {
    "blog": _blog,
    "ecommerce": _shop,
    "social": _social,
}


# --- the tests ----------------------------------------------------------------------------


def test_cached_reads_are_kept_in_redis_and_every_write_shows_at_once_on_the_other_copy(
    copies: Copies,
) -> None:
    reads, checks = SCENARIOS[copies.kind](copies)
    copies.warm(*reads)
    kept = copies.redis.keys("postgresql", "cache:*")
    assert kept, f"after reading {reads} twice, Redis holds no cache:* key: nothing was cached"
    for what, check in checks:
        copies.warm(*reads)  # cached again before each write, so that the write must clear it
        try:
            check()
        except AssertionError as error:
            raise AssertionError(
                f"after {what} through one copy, the other copy's cached read: {error}"
            ) from None


def test_with_redis_stopped_reads_answer_sign_ins_are_refused_and_all_recovers(
    copies: Copies,
) -> None:
    reads, _ = SCENARIOS[copies.kind](copies)
    _, email, _ = copies.register("outage")
    copies.warm(*reads)
    copies.redis.stop()
    try:
        for path in reads:
            response = copies.balancer.request("GET", path)
            assert response.status == 200, (
                f"GET {path} through nginx with Redis stopped: {response.status}"
            )
        accounts = ACCOUNTS[copies.kind]
        refused = copies.balancer.request(
            "POST",
            accounts.login_path,
            accounts.login(email, "any-password-at-all"),
            {"Content-Type": "application/json"},
            client="127.0.0.8",
        )
        assert refused.status == 503, (
            f"a sign-in with Redis stopped answered {refused.status} {refused.text[:200]}: the "
            "login limits live in Redis: without it they must refuse (503), not let tries through"
        )
        assert refused.headers.get("retry-after", "").isdigit(), (
            f"503 without Retry-After: {refused.headers}"
        )
        for port in (copies.writer, copies.reader):
            assert request(port, "GET", "/health/ready").status == 503, (
                "readiness with Redis stopped"
            )
            assert request(port, "GET", "/health/live").status == 200, "liveness with Redis stopped"
    finally:
        copies.redis.start()
    for port in (copies.writer, copies.reader):
        _wait_ready(port)
    _, email, _ = copies.register("after")
    # Registration signs in too, but a sign-in proves the limiter is back.
    accounts = ACCOUNTS[copies.kind]
    status, _, response = copies.call(
        copies.reader,
        "POST",
        accounts.login_path,
        json.loads(accounts.login(email, "wrong-password-1")),
    )
    assert status == 401, f"a wrong password once Redis is back: {status} {response.text[:200]}"


def _wait_ready(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        status = request(port, "GET", "/health/ready").status
        if status == 200:
            return
        assert time.monotonic() < deadline, (
            f"/health/ready still {status} {timeout:.0f}s after Redis came back"
        )
        time.sleep(0.2)
