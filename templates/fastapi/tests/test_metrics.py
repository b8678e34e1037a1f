"""GET /metrics exposes request counts and latencies, and the time of every SQL
statement, in Prometheus' text format."""

import re
from collections.abc import Iterator

import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient

from app.core.config import settings
from app.main import create_app

TOKEN = "metrics-token-for-tests"
SCRAPER = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(autouse=True)
def metrics_token(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(settings, "METRICS_TOKEN", TOKEN)
    yield


def test_metrics_count_requests_by_method_route_and_status(client: TestClient) -> None:
    client.get("/health")
    client.get("/no/such/route/12345")

    response = client.get("/metrics", headers=SCRAPER)

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'http_requests_total{method="GET",route="/health",status="200"}' in text
    assert 'http_requests_total{method="GET",route="unmatched",status="404"}' in text
    assert 'http_request_duration_seconds_bucket{le="0.005",method="GET",route="/health"}' in text
    # The path itself, not just its digits: the *_created samples are Unix
    # timestamps, and one with "12345" among its digits made this test flaky.
    assert "/no/such/route/12345" not in text


def test_metrics_label_routes_by_full_template_not_by_real_path() -> None:
    app = create_app()
    router = APIRouter(prefix="/items")

    @router.get("/{item_id}")
    def read_item(item_id: int) -> dict[str, int]:
        return {"id": item_id}

    app.include_router(router, prefix="/test")
    client = TestClient(app)
    client.get("/test/items/41")
    client.get("/test/items/42")

    text = client.get("/metrics", headers=SCRAPER).text

    assert 'route="/test/items/{item_id}",status="200"} 2.0' in text
    assert "/test/items/41" not in text


def test_metrics_need_the_token(client: TestClient) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer guess"}).status_code == 401


def test_metrics_do_not_exist_without_a_token_set(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "METRICS_TOKEN", "")

    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


def test_metrics_show_no_python_version(client: TestClient) -> None:
    assert "python_info" not in client.get("/metrics", headers=SCRAPER).text


def test_metrics_time_every_database_statement(client: TestClient) -> None:
    before = _statements_timed(client)

    client.get("/health/ready")  # asks the database: SELECT 1

    assert _statements_timed(client) >= before + 1


def _statements_timed(client: TestClient) -> float:
    text = client.get("/metrics", headers=SCRAPER).text
    found = re.search(r"^db_query_duration_seconds_count (\S+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0
