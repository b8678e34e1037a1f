"""The published OpenAPI document declares every error an operation can answer."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.core.openapi import ERROR_MEDIA_TYPE


@pytest.fixture
def operations(client: TestClient) -> list[tuple[str, dict[str, Any]]]:
    document = client.get("/api/openapi.json").json()
    return [
        (f"{method.upper()} {path}", operation)
        for path, path_item in document["paths"].items()
        for method, operation in path_item.items()
    ]


def _declares(operation: dict[str, Any], status: str) -> bool:
    response = operation["responses"].get(status, {})
    return ERROR_MEDIA_TYPE in response.get("content", {})


def test_operations_that_take_a_token_declare_401(
    operations: list[tuple[str, dict[str, Any]]],
) -> None:
    missing = [name for name, op in operations if op.get("security") and not _declares(op, "401")]
    assert not missing


def test_operations_with_a_path_parameter_declare_404(
    operations: list[tuple[str, dict[str, Any]]],
) -> None:
    missing = [
        name
        for name, op in operations
        if any(p["in"] == "path" for p in op.get("parameters", [])) and not _declares(op, "404")
    ]
    assert not missing


def test_operations_with_a_body_declare_400_413_and_422_in_the_error_shape(
    operations: list[tuple[str, dict[str, Any]]],
) -> None:
    with_body = [(name, op) for name, op in operations if "requestBody" in op]
    assert with_body
    missing = [
        (name, status)
        for name, op in with_body
        for status in ("400", "413", "422")
        if not _declares(op, status)
    ]
    assert not missing


def test_fastapis_own_validation_error_body_is_not_documented(client: TestClient) -> None:
    # The app never answers {"detail": [...]}: the document must not promise it.
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
