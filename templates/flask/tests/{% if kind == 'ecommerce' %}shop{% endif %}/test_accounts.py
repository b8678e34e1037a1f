"""Register, log in, read the current user; admins come from the command line only."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.shop.accounts import create_admin
from app.shop.accounts.models import Role, User
from tests.shop.factories import DEFAULT_PASSWORD, auth_headers, create_user

NEW_USER = {"email": "Ada@Example.com", "password": "a long password", "name": "Ada"}


def test_register_creates_a_customer_and_returns_a_token(
    client: FlaskClient, session: Session
) -> None:
    response = client.post("/api/auth/register", json=NEW_USER)

    assert response.status_code == 201
    body = response.json
    assert body["user"]["email"] == "ada@example.com"
    assert body["user"]["role"] == "customer"
    assert set(body["user"]) == {"id", "email", "name", "role"}
    assert body["token"]
    stored = session.scalars(select(User)).one()
    assert stored.password_hash != NEW_USER["password"]


def test_register_cannot_choose_the_admin_role(client: FlaskClient) -> None:
    response = client.post("/api/auth/register", json={**NEW_USER, "role": "admin"})

    assert response.status_code == 201
    assert response.json["user"]["role"] == "customer"


def test_register_with_a_taken_email_returns_409(client: FlaskClient, session: Session) -> None:
    create_user(session, email="ada@example.com")

    response = client.post("/api/auth/register", json=NEW_USER)

    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"email": "not-an-email"}, "email"), ({"password": "short"}, "password")],
)
def test_register_with_bad_input_returns_422_naming_the_field(
    client: FlaskClient, changes: dict[str, str], field: str
) -> None:
    response = client.post("/api/auth/register", json={**NEW_USER, **changes})

    assert response.status_code == 422
    body = response.json
    assert body["status"] == 422
    assert field in body["errors"]


def test_login_returns_the_user_and_a_token(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.post(
        "/api/auth/login", json={"email": user.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 200
    assert response.json["user"]["id"] == user.id
    me = client.get("/api/auth/me", headers={"Authorization": f"Bearer {response.json['token']}"})
    assert me.json["user"]["email"] == user.email


def test_login_with_a_wrong_password_returns_401(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.post("/api/auth/login", json={"email": user.email, "password": "wrong!!!"})

    assert response.status_code == 401


def test_me_returns_the_signed_in_user(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.get("/api/auth/me", headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json == {
        "user": {"id": user.id, "email": user.email, "name": user.name, "role": "customer"}
    }


def test_me_without_a_token_returns_401(client: FlaskClient) -> None:
    assert client.get("/api/auth/me").status_code == 401


@pytest.mark.parametrize("path", ["/api/auth/me", "/api/products", "/api/categories"])
def test_an_invalid_token_returns_401_even_on_public_endpoints(
    client: FlaskClient, path: str
) -> None:
    response = client.get(path, headers={"Authorization": "Bearer not.a.token"})

    assert response.status_code == 401


def test_an_invalid_token_returns_401_on_login_too(client: FlaskClient, session: Session) -> None:
    user = create_user(session)

    response = client.post(
        "/api/auth/login",
        json={"email": user.email, "password": DEFAULT_PASSWORD},
        headers={"Authorization": "Bearer not.a.token"},
    )

    assert response.status_code == 401


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_creates_an_admin_who_can_log_in(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "a long password")

    create_admin.main(["boss@example.com"])

    stored = session.scalars(select(User).where(User.email == "boss@example.com")).one()
    assert stored.role == Role.ADMIN
    response = client.post(
        "/api/auth/login", json={"email": "boss@example.com", "password": "a long password"}
    )
    assert response.json["user"]["role"] == "admin"


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_promotes_an_existing_customer(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = create_user(session)
    monkeypatch.setenv("ADMIN_PASSWORD", "another long password")

    create_admin.main([user.email])

    session.expire_all()
    assert session.get_one(User, user.id).role == Role.ADMIN


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_refuses_a_short_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "short")

    with pytest.raises(SystemExit, match="password"):
        create_admin.main(["boss@example.com"])


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_asks_for_the_password_on_a_terminal(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    prompts: list[str] = []

    def type_unseen(prompt: str) -> str:
        prompts.append(prompt)
        return "typed password"

    monkeypatch.setattr("getpass.getpass", type_unseen)

    create_admin.main(["boss@example.com"])

    assert prompts == ["Password for the admin: "]
    assert session.scalars(select(User).where(User.email == "boss@example.com")).one()


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_without_a_terminal_or_admin_password_says_how(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    with pytest.raises(SystemExit, match="set ADMIN_PASSWORD") as stopped:
        create_admin.main(["boss@example.com"])

    assert stopped.value.code != 0


@pytest.mark.usefixtures("app_context")
def test_create_admin_command_refuses_a_password_on_the_command_line(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "a long password")

    # It would stay in the shell's history and show in `ps`.
    with pytest.raises(SystemExit) as stopped:
        create_admin.main(["boss@example.com", "a long password"])

    assert stopped.value.code == 2
    assert session.scalars(select(User)).first() is None
