"""GET /health answers 200 when the database answers, 503 when it does not; every
request is logged once with its request id."""

import logging

import pytest
from flask.testing import FlaskClient

from app import create_app


def test_health_reports_ok_when_database_answers(client: FlaskClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize("path", ["/health/live", "/health/ready"])
def test_liveness_and_readiness_answer(client: FlaskClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_health_returns_503_when_database_is_unreachable() -> None:
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite:////nonexistent-dir/nowhere.db"}
    )
    client = app.test_client()

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json == {"status": "error", "database": "error"}
    assert response.headers["x-content-type-options"] == "nosniff"
    # The process itself is fine: it must not be restarted for its database's sake.
    assert client.get("/health/live").status_code == 200


def test_every_request_is_logged_once_with_its_request_id(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        response = client.get("/health")

    request_id = response.headers["x-request-id"]
    lines = [r.getMessage() for r in caplog.records if r.name == "app.access"]
    assert lines == [lines[0]]
    assert lines[0].startswith("GET /health 200 ")
    assert lines[0].endswith(f"request_id={request_id}")


def test_a_well_formed_incoming_request_id_is_kept_and_others_replaced(
    client: FlaskClient,
) -> None:
    kept = client.get("/health", headers={"X-Request-ID": "abc-123.X_y"})
    replaced = client.get("/health", headers={"X-Request-ID": "bad id; drop table"})

    assert kept.headers["x-request-id"] == "abc-123.X_y"
    assert replaced.headers["x-request-id"] != "bad id; drop table"
    assert len(replaced.headers["x-request-id"]) == 36  # a UUID
