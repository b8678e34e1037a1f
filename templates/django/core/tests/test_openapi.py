"""The published OpenAPI document declares every error an operation can answer."""

from typing import Any

import pytest
from django.test import Client

from core.schema import ERROR_MEDIA_TYPE

Operations = list[tuple[str, dict[str, Any]]]


@pytest.fixture
def operations(client: Client) -> Operations:
    document = client.get("/api/schema", {"format": "json"}).json()
    return [
        (f"{method.upper()} {path}", operation)
        for path, path_item in document["paths"].items()
        for method, operation in path_item.items()
    ]


def _declares(operation: dict[str, Any], status: str) -> bool:
    response = operation["responses"].get(status, {})
    return ERROR_MEDIA_TYPE in response.get("content", {})


def _takes_a_token(operation: dict[str, Any]) -> bool:
    return any(requirement for requirement in operation.get("security", []))


@pytest.mark.django_db
def test_operations_that_take_a_token_declare_401(operations: Operations):
    missing = [name for name, op in operations if _takes_a_token(op) and not _declares(op, "401")]
    assert not missing


@pytest.mark.django_db
def test_operations_with_a_path_parameter_declare_404(operations: Operations):
    missing = [
        name
        for name, op in operations
        if any(p["in"] == "path" for p in op.get("parameters", [])) and not _declares(op, "404")
    ]
    assert not missing


@pytest.mark.django_db
def test_operations_with_a_body_declare_400_413_and_422_in_the_error_shape(operations: Operations):
    with_body = [(name, op) for name, op in operations if "requestBody" in op]
    assert with_body
    missing = [
        (name, status)
        for name, op in with_body
        for status in ("400", "413", "422")
        if not _declares(op, status)
    ]
    assert not missing
