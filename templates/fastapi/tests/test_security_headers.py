"""Every response carries the security headers: successes, errors and crashes alike."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.core.errors import AuthenticationError, PermissionDeniedError
from app.main import create_app

EXPECTED_HEADERS = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "strict-transport-security": "max-age=63072000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


class Echo(BaseModel):
    text: str


def build_app_with_failing_routes() -> FastAPI:
    """The real app, plus routes that fail in each way a route can."""
    app = create_app()

    def crash() -> None:
        raise RuntimeError("secret detail: password=hunter2")

    def needs_login() -> None:
        raise AuthenticationError("is missing", field="token")

    def forbidden() -> None:
        raise PermissionDeniedError("not yours")

    def echo(body: Echo) -> Echo:
        return body

    app.add_api_route("/test/crash", crash)
    app.add_api_route("/test/needs-login", needs_login)
    app.add_api_route("/test/forbidden", forbidden)
    app.add_api_route("/test/echo", echo, methods=["POST"])
    return app


@pytest.fixture
def failing_client() -> TestClient:
    return TestClient(build_app_with_failing_routes())


@pytest.mark.parametrize(
    ("method", "path", "expected_status"),
    [
        ("GET", "/health", 200),
        ("GET", "/api/openapi.json", 200),
        ("GET", "/test/needs-login", 401),
        ("GET", "/test/forbidden", 403),
        ("GET", "/no/such/route", 404),
        ("DELETE", "/health", 405),
        ("POST", "/test/echo", 422),
        ("GET", "/test/crash", 500),
    ],
)
def test_every_response_has_all_security_headers(
    failing_client: TestClient, method: str, path: str, expected_status: int
) -> None:
    response = failing_client.request(method, path)

    assert response.status_code == expected_status
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name


def test_responses_do_not_reveal_the_server_software(failing_client: TestClient) -> None:
    response = failing_client.get("/health")

    assert "server" not in response.headers
    assert "x-powered-by" not in response.headers


def test_crash_returns_generic_500_without_details(failing_client: TestClient) -> None:
    response = failing_client.get("/test/crash")

    assert response.status_code == 500
    assert response.json() == {"errors": {"body": ["Internal server error"]}}
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text


def test_docs_page_gets_a_policy_that_lets_swagger_ui_load(client: TestClient) -> None:
    response = client.get("/api/docs")

    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "script-src https://cdn.jsdelivr.net" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["x-frame-options"] == "DENY"


def test_cors_allows_only_configured_origins(client: TestClient) -> None:
    response = client.options(
        "/api/tags",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )

    assert "access-control-allow-origin" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"
