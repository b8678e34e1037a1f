"""What every response carries, and the operations endpoints beside the API."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from tests.contracts.blog.conduit import Conduit, User, unique
from tests.contracts.conftest import METRICS_AUTH
from tests.generated.contracts import missing_security_headers, wrong_security_header_values


def _ok(api: httpx.Client, conduit: Conduit) -> httpx.Response:
    return api.get("/tags")


def _unauthorised(api: httpx.Client, conduit: Conduit) -> httpx.Response:
    return api.get("/user")


def _forbidden(api: httpx.Client, conduit: Conduit) -> httpx.Response:
    slug = conduit.create_article(conduit.register("owner"))["slug"]
    return api.delete(f"/articles/{slug}", headers=conduit.register("intruder").auth)


def _not_found(api: httpx.Client, conduit: Conduit) -> httpx.Response:
    return api.get(f"/articles/{unique('missing-')}")


def _invalid(api: httpx.Client, conduit: Conduit) -> httpx.Response:
    return api.post("/users", json={"user": {}})


RESPONSES: dict[str, tuple[int, Callable[[httpx.Client, Conduit], httpx.Response]]] = {
    "200": (200, _ok),
    "401": (401, _unauthorised),
    "403": (403, _forbidden),
    "404": (404, _not_found),
    "422": (422, _invalid),
}


@pytest.mark.parametrize("status", list(RESPONSES))
def test_security_headers_are_on_every_response_errors_included(
    api: httpx.Client, conduit: Conduit, status: str
) -> None:
    expected, send = RESPONSES[status]
    response = send(api, conduit)
    assert response.status_code == expected, f"{response.status_code}: {response.text[:200]}"
    headers = {name.lower(): value for name, value in response.headers.items()}
    assert not missing_security_headers(headers), f"missing: {missing_security_headers(headers)}"
    assert not wrong_security_header_values(headers), wrong_security_header_values(headers)


@pytest.mark.parametrize("status", list(RESPONSES))
def test_no_response_names_the_server_software_or_its_version(
    api: httpx.Client, conduit: Conduit, status: str
) -> None:
    response = RESPONSES[status][1](api, conduit)
    server = response.headers.get("server", "")
    assert not re.search(r"\d", server), f"Server: {server!r} gives a version away"
    assert not re.search(r"uvicorn|gunicorn|werkzeug|express|jetty|tomcat|nginx", server, re.I), (
        f"Server: {server!r} names the software"
    )
    assert "x-powered-by" not in response.headers, (
        f"X-Powered-By: {response.headers['x-powered-by']}"
    )
    assert "Traceback" not in response.text and "Exception" not in response.text


def test_the_error_body_is_json_in_realworlds_shape(api: httpx.Client) -> None:
    for response in (api.get("/user"), api.get(f"/articles/{unique('missing-')}")):
        assert response.headers.get("content-type", "").startswith("application/json")
        errors = response.json().get("errors")
        assert isinstance(errors, dict) and errors, f"{response.status_code}: {response.text}"


def test_health_answers_200_ok(api: httpx.Client, contract_server: Any) -> None:
    response = api.get(f"{contract_server.base_url}/health")
    assert response.status_code == 200, response.text
    assert response.json().get("status") == "ok", response.text


def test_metrics_are_prometheus_text_and_count_requests(
    api: httpx.Client, contract_server: Any, alice: User
) -> None:
    api.get("/tags")
    response = api.get(f"{contract_server.base_url}/metrics", headers=METRICS_AUTH)
    assert response.status_code == 200
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith(("text/plain", "application/openmetrics-text")), content_type
    lines = response.text.splitlines()
    assert any(line.startswith("# TYPE ") for line in lines), "no '# TYPE' line"
    assert any(line and not line.startswith("#") for line in lines), "no samples"
