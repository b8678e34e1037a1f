"""Register, log in and read your own account (/api/auth)."""

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.config import settings
from app.social.accounts.models import User
from tests.social.factories import DEFAULT_PASSWORD, auth_headers, create_user

PROBLEM = "application/problem+json"


def register(client: FlaskClient, **fields: str) -> dict[str, str]:
    body = {"username": "ada", "email": "ada@example.com", "password": DEFAULT_PASSWORD}
    return {**body, **fields}


def test_register_returns_201_with_the_user_and_a_token(
    client: FlaskClient, session: Session
) -> None:
    response = client.post("/api/auth/register", json=register(client))

    assert response.status_code == 201
    body = response.json
    assert body["user"] == {
        "id": body["user"]["id"],
        "username": "ada",
        "email": "ada@example.com",
        "bio": None,
        "avatar_url": None,
    }
    assert body["token"]
    stored = session.scalar(select(User).where(User.username == "ada"))
    assert stored is not None
    assert stored.password_hash != DEFAULT_PASSWORD


@pytest.mark.parametrize("field", ["username", "email"])
def test_register_returns_409_when_username_or_email_is_taken(
    client: FlaskClient, session: Session, field: str
) -> None:
    create_user(session, username="ada", email="ada@example.com")
    other = {"username": "other", "email": "other@example.com"}
    other.pop(field)

    response = client.post("/api/auth/register", json=register(client, **other))

    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "ab"),
        ("username", "a" * 31),
        ("username", "Ada"),
        ("username", "ada-l"),
        ("email", "not-an-email"),
        ("password", "short"),
    ],
)
def test_register_returns_422_naming_the_bad_field(
    client: FlaskClient, field: str, value: str
) -> None:
    response = client.post("/api/auth/register", json=register(client, **{field: value}))

    assert response.status_code == 422
    body = response.json
    assert response.headers["content-type"] == PROBLEM
    assert body["status"] == 422
    assert field in body["errors"]


def test_login_returns_the_user_and_a_token(client: FlaskClient, session: Session) -> None:
    create_user(session, username="ada", email="ada@example.com")

    response = client.post(
        "/api/auth/login", json={"email": "ADA@example.com", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200
    assert response.json["user"]["username"] == "ada"
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {response.json['token']}"})
    assert me.json["user"]["email"] == "ada@example.com"


def test_login_with_a_wrong_password_returns_401(client: FlaskClient, session: Session) -> None:
    create_user(session, email="ada@example.com")

    response = client.post(
        "/api/auth/login", json={"email": "ada@example.com", "password": "wrong password"}
    )

    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM


def test_me_without_a_token_returns_401(client: FlaskClient) -> None:
    assert client.get("/api/auth/me").status_code == 401


def test_me_returns_the_signed_in_user(client: FlaskClient, session: Session) -> None:
    user = create_user(session, bio="Hello")

    response = client.get("/api/auth/me", headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json["user"]["bio"] == "Hello"
    assert "password_hash" not in response.text


def expired_token(user: User) -> str:
    past = datetime.now(UTC) - timedelta(hours=2)
    claims = {"sub": str(user.id), "iat": past, "exp": past + timedelta(hours=1)}
    return jwt.encode(claims, settings.SECRET_KEY, algorithm="HS256")


@pytest.mark.parametrize(
    "url", ["/api/users?search=a", "/api/posts/1", "/api/auth/register", "/api/users/nobody"]
)
def test_an_expired_or_forged_token_gets_401_even_on_public_endpoints(
    client: FlaskClient, session: Session, url: str
) -> None:
    user = create_user(session)

    for token in (expired_token(user), "not-a-jwt"):
        method = "POST" if url.endswith("register") else "GET"
        response = client.open(url, method=method, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, token
