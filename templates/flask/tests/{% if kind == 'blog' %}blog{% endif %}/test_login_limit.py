"""Repeated failed logins for one account from one client are answered with 429."""

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.core.login_limiter import login_limiter
from tests.blog.factories import DEFAULT_PASSWORD, create_user


def login(client: FlaskClient, email: str, password: str) -> int:
    response = client.post(
        "/api/users/login", json={"user": {"email": email, "password": password}}
    )
    return response.status_code


def test_login_is_refused_with_429_after_too_many_failures(
    client: FlaskClient, session: Session
) -> None:
    create_user(session, email="dave@example.com")
    for _ in range(login_limiter.max_failures):
        assert login(client, "dave@example.com", "wrong-password") == 401

    response = client.post(
        "/api/users/login",
        json={"user": {"email": "dave@example.com", "password": DEFAULT_PASSWORD}},
    )

    assert response.status_code == 429
    assert int(response.headers["retry-after"]) > 0
    assert "errors" in response.json


def test_other_clients_can_still_log_in_while_one_is_locked_out(
    app: Flask, client: FlaskClient, session: Session
) -> None:
    create_user(session, email="erin@example.com")
    for _ in range(login_limiter.max_failures):
        login(client, "erin@example.com", "wrong-password")
    other_client = app.test_client()
    other_client.environ_base["REMOTE_ADDR"] = "203.0.113.7"

    assert login(other_client, "erin@example.com", DEFAULT_PASSWORD) == 200


def test_other_accounts_from_the_same_client_are_not_locked_out(
    client: FlaskClient, session: Session
) -> None:
    create_user(session, email="frank@example.com")
    for _ in range(login_limiter.max_failures):
        login(client, "someone-else@example.com", "wrong-password")

    assert login(client, "frank@example.com", DEFAULT_PASSWORD) == 200


def test_registration_is_not_limited(client: FlaskClient) -> None:
    for number in range(login_limiter.max_failures + 2):
        user = {
            "username": f"u{number}",
            "email": f"u{number}@example.com",
            "password": "long-enough",
        }
        assert client.post("/api/users", json={"user": user}).status_code == 201
