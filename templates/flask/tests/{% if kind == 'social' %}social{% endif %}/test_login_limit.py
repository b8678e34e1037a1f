"""Repeated failed logins for one account from one client are answered with 429."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.core.login_limiter import login_limiter
from tests.social.factories import DEFAULT_PASSWORD, create_user


def login(client: FlaskClient, email: str, password: str) -> int:
    return client.post("/api/auth/login", json={"email": email, "password": password}).status_code


def test_login_is_refused_with_429_after_too_many_failures(
    client: FlaskClient, session: Session
) -> None:
    create_user(session, email="dave@example.com")
    for _ in range(login_limiter.max_failures):
        assert login(client, "dave@example.com", "wrong-password") == 401

    response = client.post(
        "/api/auth/login", json={"email": "dave@example.com", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert response.json["status"] == 429


def test_other_accounts_are_not_limited(client: FlaskClient, session: Session) -> None:
    create_user(session, email="erin@example.com")
    create_user(session, email="frank@example.com")
    for _ in range(login_limiter.max_failures):
        login(client, "erin@example.com", "wrong-password")

    assert login(client, "frank@example.com", DEFAULT_PASSWORD) == 200


def test_registration_is_not_limited(client: FlaskClient) -> None:
    for number in range(login_limiter.max_failures + 2):
        response = client.post(
            "/api/auth/register",
            json={
                "username": f"student{number}",
                "email": f"student{number}@example.com",
                "password": DEFAULT_PASSWORD,
            },
        )
        assert response.status_code == 201
