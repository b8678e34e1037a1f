"""Who may call what: every endpoint that changes something needs a signed-in user,
as the `login_required` views of Flask's tutorial do."""

import pytest
from flask.testing import FlaskClient

from tests.conftest import AuthActions


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/user"),
        ("PUT", "/api/user"),
        ("GET", "/api/articles/feed"),
        ("POST", "/api/articles"),
        ("PUT", "/api/articles/some-article"),
        ("DELETE", "/api/articles/some-article"),
        ("POST", "/api/articles/some-article/favorite"),
        ("DELETE", "/api/articles/some-article/favorite"),
        ("POST", "/api/articles/some-article/comments"),
        ("DELETE", "/api/articles/some-article/comments/1"),
        ("POST", "/api/profiles/someone/follow"),
        ("DELETE", "/api/profiles/someone/follow"),
    ],
)
def test_login_required(client: FlaskClient, method: str, path: str) -> None:
    response = client.open(path, method=method, json={})

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Token"
    assert response.json == {"errors": {"token": ["is missing"]}}


def test_register_then_log_in(auth: AuthActions) -> None:
    assert auth.register().status_code == 201

    response = auth.login()

    assert response.status_code == 200
    assert response.json["user"]["username"] == "alice"


@pytest.mark.parametrize(
    ("authorization", "field"),
    [
        ("Token", "authorization"),
        ("Basic dXNlcjpwYXNz", "authorization"),
        ("Token not-a-jwt", "token"),
        ("Token " + "a" * 5000, "token"),
    ],
)
def test_a_bad_token_is_401_even_where_signing_in_is_optional(
    client: FlaskClient, authorization: str, field: str
) -> None:
    response = client.get("/api/articles", headers={"Authorization": authorization})

    assert response.status_code == 401
    assert field in response.json["errors"]


def test_a_signed_in_user_s_token_works_on_every_area(
    client: FlaskClient, auth: AuthActions
) -> None:
    token = auth.register("alice").json["user"]["token"]
    headers = {"Authorization": f"Token {token}"}

    assert client.get("/api/user", headers=headers).status_code == 200
    assert client.get("/api/articles/feed", headers=headers).status_code == 200
    assert client.get("/api/profiles/alice", headers=headers).json["profile"]["following"] is False
