"""Problem details, security headers, /health, /metrics and the management commands."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tests.contracts.checks import PASSWORD, expect, expect_field_errors, expect_problem
from tests.contracts.conftest import METRICS_AUTH
from tests.contracts.ecommerce.shop import Shop, User, unique
from tests.generated.contracts import missing_security_headers, wrong_security_header_values

Send = Callable[[httpx.Client, Shop, User, User], httpx.Response]

RESPONSES: dict[str, tuple[int, Send]] = {
    "200": (200, lambda api, shop, admin, user: api.get("/products")),
    "400": (400, lambda api, shop, admin, user: api.post("/payments/webhook", content=b"{}")),
    "401": (401, lambda api, shop, admin, user: api.get("/cart")),
    "403": (403, lambda api, shop, admin, user: api.post(
        "/categories", json={"name": "x"}, headers=user.auth)),
    "404": (404, lambda api, shop, admin, user: api.get("/products/987654321")),
    "409": (409, lambda api, shop, admin, user: api.post(
        "/auth/register", json={"email": user.email, "password": PASSWORD, "name": "x"})),
    "422": (422, lambda api, shop, admin, user: api.post("/auth/register", json={})),
}  # fmt: skip


@pytest.mark.parametrize("status", list(RESPONSES))
def test_security_headers_are_on_every_response_errors_included(
    api: httpx.Client, shop: Shop, admin: User, alice: User, status: str
) -> None:
    expected, send = RESPONSES[status]
    response = send(api, shop, admin, alice)
    assert response.status_code == expected, f"{response.status_code}: {response.text[:200]}"
    headers = {name.lower(): value for name, value in response.headers.items()}
    assert not missing_security_headers(headers), f"missing: {missing_security_headers(headers)}"
    assert not wrong_security_header_values(headers), wrong_security_header_values(headers)
    server = response.headers.get("server", "")
    assert not re.search(r"\d|uvicorn|gunicorn|werkzeug|express|jetty|tomcat", server, re.I)
    assert "x-powered-by" not in response.headers
    assert "Traceback" not in response.text


@pytest.mark.parametrize("status", [s for s in RESPONSES if s != "200"])
def test_every_error_is_a_problem_details_document(
    api: httpx.Client, shop: Shop, admin: User, alice: User, status: str
) -> None:
    expected, send = RESPONSES[status]
    expect_problem(send(api, shop, admin, alice), expected, f"the {status} answer")


def test_a_validation_problem_names_each_field(api: httpx.Client) -> None:
    body = expect_field_errors(
        api.post("/auth/register", json={"email": "nope", "password": "short", "name": "x"}),
        "registering with a bad e-mail and a short password",
        "email",
        "password",
    )
    assert body["status"] == 422


def test_an_unknown_route_is_a_404_problem(api: httpx.Client) -> None:
    expect_problem(api.get(f"/{unique('no-such-route-')}"), 404, "an unknown route")


def test_health_answers_200_ok_with_the_database(contract_server: Any) -> None:
    with contract_server.client(contract_server.base_url, timeout=10) as client:
        response = client.get("/health")
    assert expect(response, 200, "GET /health") == {"status": "ok", "database": "ok"}


def test_metrics_are_prometheus_text(api: httpx.Client, contract_server: Any) -> None:
    api.get("/products")
    with contract_server.client(contract_server.base_url, timeout=10) as client:
        response = client.get("/metrics", headers=METRICS_AUTH)
    assert response.status_code == 200
    assert response.headers.get("content-type", "").startswith("text/plain")
    assert re.search(r"^# TYPE \w+ (counter|histogram|gauge|summary)$", response.text, re.M)


def test_make_create_admin_makes_an_admin_who_may_write_the_catalogue(
    contract_server: Any, shop: Shop
) -> None:
    email = f"{unique('boss')}@example.com"
    # PASSWORD for the frameworks that take it on the command line, ADMIN_PASSWORD (an
    # environment variable for the recipe) for those that no longer do.
    result = contract_server.run_make(
        "create-admin", EMAIL=email, PASSWORD=PASSWORD, ADMIN_PASSWORD=PASSWORD
    )
    assert result.returncode == 0, result.stdout[-3000:]
    boss = shop.login(email, PASSWORD)
    assert boss.role == "admin"
    shop.create_category(boss)


def test_make_seed_fills_the_catalogue(contract_server: Any, shop: Shop) -> None:
    result = contract_server.run_make("seed")
    assert result.returncode == 0, result.stdout[-3000:]
    assert shop.list_products()["total"] > 0
    assert expect(shop.api.get("/categories"), 200, "GET /categories")


def test_make_expire_orders_runs(contract_server: Any) -> None:
    # The hold is 30 minutes, too long to wait for here: the command must at least run.
    result = contract_server.run_make("expire-orders")
    assert result.returncode == 0, result.stdout[-3000:]
