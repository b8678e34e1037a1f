"""Errors come back in one shape: {"errors": {"field": ["message"]}}, and no input,
however malformed, reaches a 500."""

import io

import pytest
from flask.testing import FlaskClient

from tests.blog.project import REGISTER_URL
from tests.test_security_headers import build_app_with_failing_routes

JSON = {"Content-Type": "application/json"}
ONE_MIB = 1024 * 1024


@pytest.fixture
def failing_client() -> FlaskClient:
    return build_app_with_failing_routes().test_client()


def test_unknown_route_returns_404_in_error_shape(client: FlaskClient) -> None:
    response = client.get("/api/no-such-thing")

    assert response.status_code == 404
    assert list(response.json["errors"]) == ["body"]


def test_validation_error_returns_422_naming_the_field(failing_client: FlaskClient) -> None:
    response = failing_client.post("/test/echo", json={"text": 42})

    assert response.status_code == 422
    assert list(response.json["errors"]) == ["text"]


@pytest.mark.parametrize(
    "body",
    [b"", b"{not json", b"[" * 100_000 + b"]" * 100_000, b'{"text": "a \\ud800 b"}'],
    ids=["empty", "malformed", "nested-100000-deep", "unpaired-surrogate"],
)
def test_unusable_json_returns_422_in_error_shape(failing_client: FlaskClient, body: bytes) -> None:
    response = failing_client.post("/test/echo", data=body, headers=JSON)

    assert response.status_code == 422
    assert "errors" in response.json


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (rb'{"text": "\ud83d\ude00"}', "\U0001f600"),  # a whole pair: one emoji
        (rb'{"text": "\\ud800"}', "\\ud800"),  # an escaped backslash, then plain letters
    ],
)
def test_surrogate_pairs_and_escaped_backslashes_are_ordinary_text(
    failing_client: FlaskClient, body: bytes, text: str
) -> None:
    response = failing_client.post("/test/echo", data=body, headers=JSON)

    assert response.status_code == 200
    assert response.json == {"text": text}


def test_domain_error_maps_to_its_status_and_field(failing_client: FlaskClient) -> None:
    response = failing_client.get("/test/needs-login")

    assert response.status_code == 401
    assert response.json == {"errors": {"token": ["is missing"]}}
    assert response.headers["www-authenticate"] == "Token"


def test_a_value_the_database_refuses_is_422_not_500(failing_client: FlaskClient) -> None:
    response = failing_client.post("/test/unstorable")

    assert response.status_code == 422
    assert "body" in response.json["errors"]


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/test/deleted-reference"), ("GET", "/test/deleted-row")]
)
def test_a_row_deleted_by_a_concurrent_request_is_404_not_500(
    failing_client: FlaskClient, method: str, path: str
) -> None:
    response = failing_client.open(path, method=method)

    assert response.status_code == 404


def test_a_body_over_one_mib_is_refused_with_413(client: FlaskClient) -> None:
    response = client.post(REGISTER_URL, data=b" " * (ONE_MIB + 1), headers=JSON)

    assert response.status_code == 413
    assert "errors" in response.json


def test_a_body_over_one_mib_is_refused_on_any_route(client: FlaskClient) -> None:
    response = client.get("/api/tags", data=b" " * (ONE_MIB + 1), headers=JSON)

    assert response.status_code == 413


def test_a_body_over_one_mib_without_a_length_is_refused_with_413(client: FlaskClient) -> None:
    # Chunked: no Content-Length, so only reading the body finds out how big it is.
    response = client.post(
        REGISTER_URL,
        input_stream=io.BytesIO(b" " * (ONE_MIB + 65536)),
        headers={**JSON, "Transfer-Encoding": "chunked"},
        # What gunicorn tells the app about a chunked body: it ends, but its size is unknown.
        environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""},
    )

    assert response.status_code == 413


def test_a_body_of_one_mib_is_read(client: FlaskClient) -> None:
    response = client.post(REGISTER_URL, data=b" " * ONE_MIB, headers=JSON)

    assert response.status_code == 422  # read, and found empty


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/%00",
        "/api/profiles/a%00b",
        "/api/articles?tag=%00",
        "/api/articles?author=%c3%28",
    ],
)
def test_a_url_with_a_nul_or_bytes_that_are_not_utf8_is_422(client: FlaskClient, url: str) -> None:
    response = client.get(url)

    assert response.status_code == 422
    assert "errors" in response.json
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_path_of_bytes_that_are_not_utf8_is_422(client: FlaskClient) -> None:
    # The test client would encode the path itself; a WSGI server hands it over as bytes
    # (in a latin-1 string), whatever they are.
    response = client.get("/", environ_overrides={"PATH_INFO": "/api/articles/\xff\xfe"})

    assert response.status_code == 422
    assert "path" in response.json["errors"]


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=101", "limit=abc", "offset=-1", "limit=99999999999999999999999"]
)
def test_list_bounds_are_checked(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/articles?{query}")

    assert response.status_code == 422
    assert "errors" in response.json
