"""/api/users (register), /api/users/login and /api/user (the signed-in account)."""

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from blog.users.models import User
from blog.users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("api:user-register")
LOGIN = reverse("api:user-login")
CURRENT = reverse("api:user-current")


def registration(**changes: str | None) -> dict[str, dict[str, str]]:
    user = {"username": "ada", "email": "ada@example.com", "password": PASSWORD, **changes}
    return {"user": {key: value for key, value in user.items() if value is not None}}


def login(client: APIClient, email: str, password: str = PASSWORD, client_address: str = ""):
    extra = {"REMOTE_ADDR": client_address} if client_address else {}
    body = {"user": {"email": email, "password": password}}
    return client.post(LOGIN, body, format="json", **extra)


# --- registering ---------------------------------------------------------------------


def test_register_should_create_the_user_and_return_a_working_token(api_client: APIClient):
    response = api_client.post(REGISTER, registration(), format="json")

    assert response.status_code == 201
    body = response.json()["user"]
    assert (body["username"], body["email"], body["bio"], body["image"]) == (
        "ada",
        "ada@example.com",
        None,
        None,
    )
    assert "password" not in body
    stored = User.objects.get(username="ada")
    assert stored.password.startswith("md5$")  # hashed (argon2 outside the tests)
    me = api_client.get(CURRENT, HTTP_AUTHORIZATION=f"Token {body['token']}")
    assert me.status_code == 200
    assert me.json()["user"]["username"] == "ada"


@pytest.mark.parametrize("missing", ["username", "email", "password"])
def test_register_should_return_422_when_a_field_is_missing(api_client: APIClient, missing: str):
    response = api_client.post(REGISTER, registration(**{missing: None}), format="json")

    assert response.status_code == 422
    assert missing in response.json()["errors"]
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-email"), ("password", "short"), ("username", "has space")],
)
def test_register_should_return_422_for_invalid_values(
    api_client: APIClient, field: str, value: str
):
    response = api_client.post(REGISTER, registration(**{field: value}), format="json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]


def test_register_should_return_422_without_the_user_envelope(api_client: APIClient):
    response = api_client.post(REGISTER, {}, format="json")

    assert response.status_code == 422
    assert response.json() == {"errors": {"user": ["This field is required."]}}


def test_register_should_return_422_for_malformed_json(api_client: APIClient):
    response = api_client.post(REGISTER, "{not json", content_type="application/json")

    assert response.status_code == 422
    assert "errors" in response.json()


@pytest.mark.parametrize(("field", "taken"), [("username", "ADA"), ("email", "Ada@Example.com")])
def test_register_should_return_422_when_the_name_or_email_is_taken_in_any_case(
    api_client: APIClient, field: str, taken: str
):
    UserFactory(username="ada", email="ada@example.com")
    other = {"username": "grace", "email": "grace@example.com", field: taken}

    response = api_client.post(REGISTER, registration(**other), format="json")

    assert response.status_code == 422
    assert response.json() == {"errors": {field: ["has already been taken"]}}
    assert User.objects.count() == 1


# --- signing in ----------------------------------------------------------------------------


def test_login_should_return_the_user_with_a_token(api_client: APIClient, user: User):
    response = login(api_client, user.email.upper())

    assert response.status_code == 200
    assert response.json()["user"]["username"] == user.username
    assert response.json()["user"]["token"]


@pytest.mark.parametrize("email", ["user0@example.com", "nobody@example.com"])
def test_login_should_return_401_for_a_wrong_password_or_an_unknown_email(
    api_client: APIClient, email: str
):
    UserFactory(username="user0", email="user0@example.com")

    response = login(api_client, email, "wrong-password")

    assert response.status_code == 401
    assert response.json() == {"errors": {"email or password": ["is invalid"]}}


@pytest.mark.parametrize("missing", ["email", "password"])
def test_login_should_return_422_when_a_field_is_missing(api_client: APIClient, missing: str):
    credentials = {"email": "a@example.com", "password": PASSWORD}
    del credentials[missing]

    response = api_client.post(LOGIN, {"user": credentials}, format="json")

    assert response.status_code == 422
    assert missing in response.json()["errors"]


# --- the failed-login limit ------------------------------------------------------------------


@override_settings(LOGIN_MAX_FAILURES=3, LOGIN_WINDOW_SECONDS=600)
def test_login_should_return_429_with_retry_after_once_the_limit_is_reached(
    api_client: APIClient, user: User
):
    for _ in range(3):
        assert login(api_client, user.email, "wrong-password").status_code == 401

    blocked = login(api_client, user.email)  # even the right password, for now

    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["Retry-After"]) <= 600
    assert "errors" in blocked.json()


@override_settings(LOGIN_MAX_FAILURES=3)
def test_login_limit_should_count_per_account_and_client(
    api_client: APIClient, user: User, other_user: User
):
    for _ in range(3):
        login(api_client, user.email, "wrong-password", client_address="10.0.0.1")

    assert login(api_client, user.email, client_address="10.0.0.1").status_code == 429
    assert login(api_client, user.email, client_address="10.0.0.2").status_code == 200
    assert login(api_client, other_user.email, client_address="10.0.0.1").status_code == 200


@override_settings(LOGIN_MAX_FAILURES=3)
def test_a_successful_login_should_reset_the_failure_count(api_client: APIClient, user: User):
    for _ in range(2):
        login(api_client, user.email, "wrong-password")
    assert login(api_client, user.email).status_code == 200

    for _ in range(2):
        assert login(api_client, user.email, "wrong-password").status_code == 401


# --- the current user ------------------------------------------------------------------------


def test_current_user_should_return_401_without_a_token(api_client: APIClient):
    response = api_client.get(CURRENT)

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Token")
    assert response.json() == {"errors": {"token": ["is missing or invalid"]}}


@pytest.mark.parametrize("header", ["Token not-a-jwt", "Bearer not-a-jwt", "Basic abc"])
def test_current_user_should_return_401_for_a_bad_token(api_client: APIClient, header: str):
    assert api_client.get(CURRENT, HTTP_AUTHORIZATION=header).status_code == 401


@pytest.mark.parametrize("scheme", ["Token", "Bearer"])
def test_current_user_should_accept_the_token_and_bearer_schemes(
    api_client: APIClient, user: User, scheme: str
):
    token = login(api_client, user.email).json()["user"]["token"]

    response = api_client.get(CURRENT, HTTP_AUTHORIZATION=f"{scheme} {token}")

    assert response.status_code == 200
    assert response.json()["user"]["email"] == user.email


def test_update_user_should_store_only_the_fields_sent(auth_client: APIClient, user: User):
    changes = {"email": "new@example.com", "bio": "I write.", "image": "https://img.example/a.png"}

    response = auth_client.put(CURRENT, {"user": changes}, format="json")

    assert response.status_code == 200
    assert {key: response.json()["user"][key] for key in changes} == changes
    user.refresh_from_db()
    assert (user.email, user.bio, user.image, user.username) == (
        "new@example.com",
        "I write.",
        "https://img.example/a.png",
        user.username,
    )


def test_update_user_should_change_the_password(auth_client: APIClient, user: User):
    response = auth_client.put(CURRENT, {"user": {"password": "a-new-password"}}, format="json")

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password("a-new-password")
    assert not user.check_password(PASSWORD)


@pytest.mark.parametrize("field", ["username", "email"])
def test_update_user_should_return_422_for_a_taken_name_or_email(
    auth_client: APIClient, user: User, other_user: User, field: str
):
    response = auth_client.put(
        CURRENT, {"user": {field: getattr(other_user, field)}}, format="json"
    )

    assert response.status_code == 422
    assert response.json() == {"errors": {field: ["has already been taken"]}}
    user.refresh_from_db()
    assert getattr(user, field) != getattr(other_user, field)


def test_update_user_should_return_401_without_a_token(api_client: APIClient):
    response = api_client.put(CURRENT, {"user": {"bio": "x"}}, format="json")

    assert response.status_code == 401
