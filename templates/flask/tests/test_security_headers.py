"""Every response carries the security headers: successes, errors and crashes alike."""

from typing import Any, NoReturn

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pydantic import BaseModel
from sqlalchemy.exc import DataError, IntegrityError, NoResultFound

from app import create_app
from app.core.config import settings
from app.core.errors import AuthenticationError, PermissionDeniedError
from app.core.validation import json_body

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


def build_app_with_failing_routes() -> Flask:
    """A new app from the factory, plus views that fail in each way a view can."""
    app = create_app({"TESTING": True})

    def crash() -> NoReturn:
        raise RuntimeError("secret detail: password=hunter2")

    def needs_login() -> NoReturn:
        raise AuthenticationError("is missing", field="token")

    def forbidden() -> NoReturn:
        raise PermissionDeniedError("not yours")

    def echo() -> dict[str, Any]:
        return json_body(Echo).model_dump()

    def unstorable() -> NoReturn:
        # What PostgreSQL's driver raises for a NUL character in text.
        raise DataError("INSERT ...", {}, ValueError("text fields cannot contain NUL bytes"))

    def refers_to_a_deleted_row() -> NoReturn:
        # What PostgreSQL's driver raises when the row an insert refers to was deleted.
        violation = type("ForeignKeyViolation", (Exception,), {"sqlstate": "23503"})()
        raise IntegrityError("INSERT ...", {}, violation)

    def reads_a_deleted_row() -> NoReturn:
        raise NoResultFound("No row was found when one was required")

    app.add_url_rule("/test/crash", view_func=crash)
    app.add_url_rule("/test/needs-login", view_func=needs_login)
    app.add_url_rule("/test/forbidden", view_func=forbidden)
    app.add_url_rule("/test/echo", view_func=echo, methods=["POST"])
    app.add_url_rule("/test/unstorable", view_func=unstorable, methods=["POST"])
    app.add_url_rule("/test/deleted-reference", view_func=refers_to_a_deleted_row, methods=["POST"])
    app.add_url_rule("/test/deleted-row", view_func=reads_a_deleted_row)
    return app


@pytest.fixture
def failing_client() -> FlaskClient:
    return build_app_with_failing_routes().test_client()


@pytest.mark.parametrize(
    ("method", "path", "expected_status"),
    [
        ("GET", "/health", 200),
        ("GET", "/api/openapi.yaml", 200),
        ("GET", "/test/needs-login", 401),
        ("GET", "/test/forbidden", 403),
        ("GET", "/no/such/route", 404),
        ("DELETE", "/health", 405),
        ("POST", "/test/echo", 422),
        ("GET", "/test/crash", 500),
    ],
)
def test_every_response_has_all_security_headers(
    failing_client: FlaskClient, method: str, path: str, expected_status: int
) -> None:
    response = failing_client.open(path, method=method)

    assert response.status_code == expected_status
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name


def test_a_405_says_which_methods_the_path_allows(failing_client: FlaskClient) -> None:
    response = failing_client.delete("/health")

    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    assert "errors" in response.json


def test_responses_do_not_reveal_the_server_software(failing_client: FlaskClient) -> None:
    response = failing_client.get("/health")

    assert "server" not in response.headers
    assert "x-powered-by" not in response.headers


def test_crash_returns_generic_500_without_details(failing_client: FlaskClient) -> None:
    response = failing_client.get("/test/crash")

    assert response.status_code == 500
    assert response.json == {"errors": {"body": ["Internal server error"]}}
    assert b"hunter2" not in response.data
    assert b"Traceback" not in response.data


def test_cors_allows_only_configured_origins(client: FlaskClient) -> None:
    response = client.options(
        "/api/tags",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )

    assert "access-control-allow-origin" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"


def test_cors_allows_a_configured_origin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "CORS_ORIGINS", ["http://localhost:5173"])
    client = create_app({"TESTING": True}).test_client()

    response = client.options(
        "/api/tags",
        headers={"Origin": "http://localhost:5173", "Access-Control-Request-Method": "GET"},
    )

    assert response.headers["access-control-allow-origin"] == "http://localhost:5173"
