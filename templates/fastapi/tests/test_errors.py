"""Errors come back in one shape: {"errors": {"field": ["message"]}}."""

from fastapi.testclient import TestClient

from tests.test_security_headers import build_app_with_failing_routes


def test_unknown_route_returns_404_in_error_shape(client: TestClient) -> None:
    response = client.get("/api/no-such-thing")

    assert response.status_code == 404
    assert response.json() == {"errors": {"body": ["Not Found"]}}


def test_validation_error_returns_422_naming_the_field() -> None:
    client = TestClient(build_app_with_failing_routes())

    response = client.post("/test/echo", json={"text": 42})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["text"]


def test_missing_body_returns_422_in_error_shape() -> None:
    client = TestClient(build_app_with_failing_routes())

    response = client.post("/test/echo")

    assert response.status_code == 422
    assert "body" in response.json()["errors"]


def test_domain_error_maps_to_its_status_and_field() -> None:
    client = TestClient(build_app_with_failing_routes())

    response = client.get("/test/needs-login")

    assert response.status_code == 401
    assert response.json() == {"errors": {"token": ["is missing"]}}
