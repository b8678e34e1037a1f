"""POST /api/users, POST /api/users/login, GET and PUT /api/user."""

from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.blog.accounts.models import User
from app.core.config import settings
from app.core.security import verify_password
from tests.blog.factories import DEFAULT_PASSWORD, auth_headers, create_user

USER_FIELDS = {"email", "token", "username", "bio", "image"}


def register(client: FlaskClient, **fields: str) -> dict[str, Any]:
    body = {"username": "alice", "email": "alice@example.com", "password": "s3cret-pass"}
    body.update(fields)
    response = client.post("/api/users", json={"user": body})
    return {"status": response.status_code, "json": response.json}


def test_register_returns_201_with_token_and_stores_a_hashed_password(
    client: FlaskClient, session: Session
) -> None:
    response = client.post(
        "/api/users",
        json={
            "user": {"username": "alice", "email": "Alice@Example.com", "password": "s3cret-pass"}
        },
    )

    assert response.status_code == 201
    user = response.json["user"]
    assert set(user) == USER_FIELDS
    assert user["username"] == "alice"
    assert user["email"] == "alice@example.com"
    assert user["bio"] is None and user["image"] is None
    stored = session.scalar(select(User).where(User.username == "alice"))
    assert stored is not None
    assert stored.password_hash.startswith("$argon2")
    assert verify_password("s3cret-pass", stored.password_hash)


def test_register_with_taken_username_returns_422(client: FlaskClient, session: Session) -> None:
    create_user(session, username="alice")

    result = register(client, username="alice")

    assert result["status"] == 422
    assert result["json"] == {"errors": {"username": ["has already been taken"]}}


def test_register_with_taken_email_returns_422(client: FlaskClient, session: Session) -> None:
    create_user(session, email="alice@example.com")

    result = register(client, email="ALICE@example.com")

    assert result["status"] == 422
    assert result["json"] == {"errors": {"email": ["has already been taken"]}}


def test_register_with_invalid_fields_returns_422_naming_them(client: FlaskClient) -> None:
    assert "email" in register(client, email="not-an-email")["json"]["errors"]
    assert "password" in register(client, password="short")["json"]["errors"]
    assert "username" in register(client, username="")["json"]["errors"]
    assert "username" in register(client, username="has/slash")["json"]["errors"]


def test_register_without_envelope_returns_422(client: FlaskClient) -> None:
    response = client.post("/api/users", json={"username": "a", "email": "a@b.io", "password": "x"})

    assert response.status_code == 422
    assert "user" in response.json["errors"]


def test_login_returns_user_with_a_working_token(client: FlaskClient, session: Session) -> None:
    user = create_user(session, email="bob@example.com")

    response = client.post(
        "/api/users/login",
        json={"user": {"email": "bob@example.com", "password": DEFAULT_PASSWORD}},
    )

    assert response.status_code == 200
    token = response.json["user"]["token"]
    me = client.get("/api/user", headers={"Authorization": f"Token {token}"})
    assert me.json["user"]["username"] == user.username


def test_login_with_wrong_password_returns_401(client: FlaskClient, session: Session) -> None:
    create_user(session, email="bob@example.com")

    response = client.post(
        "/api/users/login", json={"user": {"email": "bob@example.com", "password": "wrong-one"}}
    )

    assert response.status_code == 401
    assert response.json == {"errors": {"email or password": ["is invalid"]}}


def test_login_with_unknown_email_returns_401(client: FlaskClient) -> None:
    response = client.post(
        "/api/users/login", json={"user": {"email": "nobody@example.com", "password": "whatever"}}
    )

    assert response.status_code == 401


def test_login_with_empty_password_returns_422(client: FlaskClient) -> None:
    response = client.post(
        "/api/users/login", json={"user": {"email": "bob@example.com", "password": ""}}
    )

    assert response.status_code == 422


def test_get_current_user_returns_the_signed_in_user(client: FlaskClient, session: Session) -> None:
    user = create_user(session, bio="I write", image="https://img.example/a.png")

    response = client.get("/api/user", headers=auth_headers(user))

    assert response.status_code == 200
    body = response.json["user"]
    assert set(body) == USER_FIELDS
    assert (body["username"], body["bio"], body["image"]) == (
        user.username,
        "I write",
        "https://img.example/a.png",
    )


def test_get_current_user_accepts_the_bearer_scheme_too(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    token = auth_headers(user)["Authorization"].removeprefix("Token ")

    response = client.get("/api/user", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200


def test_get_current_user_without_token_returns_401(client: FlaskClient) -> None:
    response = client.get("/api/user")

    assert response.status_code == 401
    assert response.json == {"errors": {"token": ["is missing"]}}


def test_get_current_user_with_bad_tokens_returns_401(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    expired = jwt.encode(
        {"sub": str(user.id), "exp": datetime.now(UTC) - timedelta(minutes=1)},
        settings.SECRET_KEY,
        algorithm="HS256",
    )
    forged = jwt.encode({"sub": str(user.id)}, "not-the-secret-key-" * 3, algorithm="HS256")

    for header in [f"Token {expired}", f"Token {forged}", "Token garbage", "Basic abc", "Token"]:
        response = client.get("/api/user", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_token_of_a_deleted_user_returns_401(client: FlaskClient, session: Session) -> None:
    user = create_user(session)
    headers = auth_headers(user)
    session.delete(user)
    session.commit()

    assert client.get("/api/user", headers=headers).status_code == 401


def test_update_user_changes_what_is_stored(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.put(
        "/api/user",
        headers=auth_headers(user),
        json={
            "user": {"email": "new@example.com", "bio": "New bio", "image": "https://i.io/x.png"}
        },
    )

    assert response.status_code == 200
    assert response.json["user"]["email"] == "new@example.com"
    session.refresh(user)
    assert (user.email, user.bio, user.image) == (
        "new@example.com",
        "New bio",
        "https://i.io/x.png",
    )


def test_update_user_password_lets_them_log_in_with_the_new_one(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session, email="carol@example.com")

    client.put(
        "/api/user", headers=auth_headers(user), json={"user": {"password": "brand-new-pass"}}
    )

    old = {"email": "carol@example.com", "password": DEFAULT_PASSWORD}
    new = {"email": "carol@example.com", "password": "brand-new-pass"}
    assert client.post("/api/users/login", json={"user": old}).status_code == 401
    assert client.post("/api/users/login", json={"user": new}).status_code == 200


def test_update_user_with_empty_image_clears_it(client: FlaskClient, session: Session) -> None:
    user = create_user(session, image="https://i.io/old.png")

    response = client.put("/api/user", headers=auth_headers(user), json={"user": {"image": ""}})

    assert response.json["user"]["image"] is None
    session.refresh(user)
    assert user.image is None


def test_update_user_to_a_taken_username_returns_422(client: FlaskClient, session: Session) -> None:
    create_user(session, username="taken")
    user = create_user(session)

    response = client.put(
        "/api/user", headers=auth_headers(user), json={"user": {"username": "taken"}}
    )

    assert response.status_code == 422
    assert response.json == {"errors": {"username": ["has already been taken"]}}


def test_update_user_keeping_own_username_is_allowed(client: FlaskClient, session: Session) -> None:
    user = create_user(session, username="same")

    response = client.put(
        "/api/user", headers=auth_headers(user), json={"user": {"username": "same"}}
    )

    assert response.status_code == 200


def test_update_user_with_invalid_email_returns_422(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.put("/api/user", headers=auth_headers(user), json={"user": {"email": "nope"}})

    assert response.status_code == 422
    assert "email" in response.json["errors"]


def test_update_user_without_token_returns_401(client: FlaskClient) -> None:
    response = client.put("/api/user", json={"user": {"bio": "x"}})

    assert response.status_code == 401


def test_responses_never_contain_the_password_hash(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    text = client.get("/api/user", headers=auth_headers(user)).text

    assert "argon2" not in text
    assert "password" not in text


def test_an_image_that_is_not_a_web_address_is_refused(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)

    response = client.put(
        "/api/user", headers=auth_headers(user), json={"user": {"image": "javascript:alert(1)"}}
    )

    assert response.status_code == 422
    session.refresh(user)
    assert user.image is None
