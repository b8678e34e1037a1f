"""After 5 failed logins for one e-mail from one client in 15 minutes: 429 with Retry-After."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.core.login_limiter import login_limiter
from tests.shop.factories import DEFAULT_PASSWORD, create_user


def login(client: FlaskClient, email: str, password: str) -> int:
    return client.post("/api/auth/login", json={"email": email, "password": password}).status_code


def test_login_is_refused_with_429_after_five_failures(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    for _ in range(login_limiter.max_failures):
        assert login(client, user.email, "wrong-password") == 401

    response = client.post(
        "/api/auth/login", json={"email": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 429
    assert 0 < int(response.headers["retry-after"]) <= 15 * 60
    assert response.json["status"] == 429


def test_other_accounts_are_not_limited(client: FlaskClient, session: Session) -> None:
    locked, other = create_user(session), create_user(session)
    for _ in range(login_limiter.max_failures):
        login(client, locked.email, "wrong-password")

    assert login(client, other.email, DEFAULT_PASSWORD) == 200


def test_registration_is_not_limited(client: FlaskClient) -> None:
    for number in range(login_limiter.max_failures + 3):
        response = client.post(
            "/api/auth/register",
            json={"email": f"class{number}@example.com", "password": "long enough", "name": "A"},
        )
        assert response.status_code == 201
