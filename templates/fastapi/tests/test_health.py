"""GET /health answers 200 when the database answers, 503 when it does not."""

from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.core.db import get_session
from app.main import create_app


def test_health_reports_ok_when_database_answers(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_health_returns_503_when_database_is_unreachable() -> None:
    app = create_app()
    unreachable = create_engine("sqlite:////nonexistent-dir/nowhere.db")

    def broken_session() -> Iterator[Session]:
        with Session(unreachable) as session:
            yield session

    app.dependency_overrides[get_session] = broken_session

    response = TestClient(app).get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error"}
    assert response.headers["x-content-type-options"] == "nosniff"
