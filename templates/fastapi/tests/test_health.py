"""GET /health and /health/ready answer 200 when the database answers, 503 when it
does not; /health/live asks nothing of the database; every request is logged once
with its request id."""

import logging
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.core.db import get_session
from app.main import create_app


@pytest.mark.parametrize("path", ["/health", "/health/ready"])
def test_health_reports_ok_when_database_answers(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_returns_503_when_database_is_unreachable() -> None:
    app = create_app()
    unreachable = create_engine("sqlite:////nonexistent-dir/nowhere.db")

    def broken_session() -> Iterator[Session]:
        with Session(unreachable) as session:
            yield session

    app.dependency_overrides[get_session] = broken_session

    client = TestClient(app)
    response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/health/ready").status_code == 503
    # Alive all the same: restarting the process would not bring the database back.
    assert client.get("/health/live").json() == {"status": "ok"}


def test_every_request_is_logged_once_with_its_request_id(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/health")

    request_id = response.headers["x-request-id"]
    lines = [r.getMessage() for r in caplog.records if r.name == "app.access"]
    assert lines == [lines[0]]
    assert lines[0].startswith("GET /health 200 ")
    assert lines[0].endswith(f"request_id={request_id}")


def test_a_well_formed_incoming_request_id_is_kept_and_others_replaced(client: TestClient) -> None:
    kept = client.get("/health", headers={"X-Request-ID": "abc-123.X_y"})
    replaced = client.get("/health", headers={"X-Request-ID": "bad id; drop table"})

    assert kept.headers["x-request-id"] == "abc-123.X_y"
    assert replaced.headers["x-request-id"] != "bad id; drop table"
    assert len(replaced.headers["x-request-id"]) == 36  # a UUID
