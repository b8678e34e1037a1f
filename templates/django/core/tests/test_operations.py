"""GET /health (/health/ready, /health/live), GET /metrics and the OpenAPI document."""

import re
from typing import Any

import pytest
from django.db import DatabaseError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/health", "/health/ready"])
def test_health_should_report_the_database_ok(client: Client, path: str):
    response = client.get(path)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_should_return_503_when_the_database_fails(client: Client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("the database is down")

    monkeypatch.setattr("core.views.connection.cursor", broken_cursor)

    response = client.get("/health")

    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert client.get("/health/ready").status_code == 503
    # Alive all the same: restarting the process would not bring the database back.
    assert client.get("/health/live").json() == {"status": "ok"}


METRICS_TOKEN = "metrics-token-for-tests"
SCRAPER = {"HTTP_AUTHORIZATION": f"Bearer {METRICS_TOKEN}"}


@pytest.fixture
def metrics_token(settings: Any) -> None:
    settings.METRICS_TOKEN = METRICS_TOKEN


@pytest.mark.usefixtures("metrics_token")
def test_metrics_should_be_prometheus_text_counting_requests(client: Client):
    client.get("/health")

    response = client.get("/metrics", **SCRAPER)

    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "# TYPE django_http_requests_total_by_method_total counter" in text


def test_the_openapi_document_should_be_published(client: Client):
    response = client.get("/api/schema", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert any(path.startswith("/api/") for path in response.json()["paths"])


def test_the_interactive_docs_should_be_served(client: Client):
    assert client.get("/api/docs").status_code == 200


@pytest.mark.usefixtures("metrics_token")
def test_metrics_should_time_every_database_statement(client: Client):
    before = statements_timed(client)

    client.get("/health/ready")  # asks the database: SELECT 1

    assert statements_timed(client) >= before + 1


def statements_timed(client: Client) -> float:
    """How many SQL statements /metrics has timed so far (the labels name the database)."""
    text = client.get("/metrics", **SCRAPER).content.decode()
    counts = re.findall(r"^django_db_query_duration_seconds_count\{.*\} (\S+)$", text, re.MULTILINE)
    return sum(float(count) for count in counts)


@pytest.mark.usefixtures("metrics_token")
def test_metrics_should_need_the_token(client: Client):
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess").status_code == 401


def test_metrics_should_not_exist_without_a_token_set(client: Client):
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.usefixtures("metrics_token")
def test_metrics_should_show_no_python_version(client: Client):
    assert b"python_info" not in client.get("/metrics", **SCRAPER).content


def test_every_response_should_carry_a_request_id(client: Client):
    kept = client.get("/health", HTTP_X_REQUEST_ID="abc-123.X_y")
    replaced = client.get("/health", HTTP_X_REQUEST_ID="bad id; drop table")

    assert kept["X-Request-ID"] == "abc-123.X_y"
    assert replaced["X-Request-ID"] != "bad id; drop table"
    assert len(replaced["X-Request-ID"]) == 36  # a UUID


def test_the_access_log_format_should_show_the_request_id():
    from config import gunicorn

    assert "request_id=%({x-request-id}o)s" in gunicorn.access_log_format
