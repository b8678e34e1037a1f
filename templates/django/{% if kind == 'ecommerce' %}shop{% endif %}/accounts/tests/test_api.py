"""/api/auth/register, /api/auth/login and /api/auth/me."""

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from shop.accounts.models import Role, User
from shop.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("api:auth-register")
LOGIN = reverse("api:auth-login")
ME = reverse("api:auth-me")
PROBLEM = "application/problem+json"


def registration(**changes: str | None) -> dict[str, str]:
    body = {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", **changes}
    return {key: value for key, value in body.items() if value is not None}


def login(client: APIClient, email: str, password: str = PASSWORD, address: str = ""):
    extra = {"REMOTE_ADDR": address} if address else {}
    return client.post(LOGIN, {"email": email, "password": password}, format="json", **extra)


# --- registering ---------------------------------------------------------------------


def test_register_should_create_a_customer_and_return_a_working_token(api_client: APIClient):
    response = api_client.post(REGISTER, registration(role="admin"), format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["user"] == {
        "id": body["user"]["id"],
        "email": "ada@example.com",
        "name": "Ada",
        "role": "customer",
    }
    stored = User.objects.get(email="ada@example.com")
    assert stored.role == Role.CUSTOMER  # a "role" sent by the client is ignored
    assert stored.password.startswith("md5$")  # hashed (argon2 outside the tests)
    me = api_client.get(ME, HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.json()["user"]["email"] == "ada@example.com"


def test_register_should_return_409_when_the_email_is_taken_in_any_case(api_client: APIClient):
    UserFactory(email="ada@example.com")

    response = api_client.post(REGISTER, registration(email="Ada@Example.com"), format="json")

    assert response.status_code == 409
    assert response.headers["Content-Type"] == PROBLEM
    assert response.json()["status"] == 409
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-email"), ("password", "short"), ("name", ""), ("email", None)],
)
def test_register_should_return_422_naming_the_bad_field(
    api_client: APIClient, field: str, value: str | None
):
    response = api_client.post(REGISTER, registration(**{field: value}), format="json")

    assert response.status_code == 422
    problem = response.json()
    assert (problem["type"], problem["status"]) == ("about:blank", 422)
    assert list(problem["errors"]) == [field]
    assert not User.objects.exists()


def test_register_should_return_422_for_malformed_json(api_client: APIClient):
    response = api_client.post(REGISTER, "{not json", content_type="application/json")

    assert response.status_code == 422
    assert response.headers["Content-Type"] == PROBLEM


def test_register_with_a_bad_token_should_return_401(api_client: APIClient):
    response = api_client.post(
        REGISTER, registration(), format="json", HTTP_AUTHORIZATION="Bearer not-a-jwt"
    )

    assert response.status_code == 401
    assert not User.objects.exists()


# --- signing in ----------------------------------------------------------------------------


def test_login_should_return_the_user_and_a_token(api_client: APIClient, customer: User):
    response = login(api_client, customer.email.upper())

    assert response.status_code == 200
    assert response.json()["user"]["id"] == customer.pk
    assert response.json()["token"]


@pytest.mark.parametrize("email", ["customer@example.com", "nobody@example.com"])
def test_login_should_return_401_for_a_wrong_password_or_an_unknown_email(
    api_client: APIClient, email: str
):
    UserFactory(email="customer@example.com")

    response = login(api_client, email, "wrong-password")

    assert response.status_code == 401
    assert response.json()["detail"] == "the e-mail address or the password is wrong"


@override_settings(LOGIN_MAX_FAILURES=3, LOGIN_WINDOW_SECONDS=600)
def test_login_should_return_429_with_retry_after_once_the_limit_is_reached(
    api_client: APIClient, customer: User
):
    for _ in range(3):
        assert login(api_client, customer.email, "wrong-password").status_code == 401

    blocked = login(api_client, customer.email)  # even the right password, for now

    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["Retry-After"]) <= 600
    assert blocked.headers["Content-Type"] == PROBLEM


@override_settings(LOGIN_MAX_FAILURES=3)
def test_login_limit_should_count_per_account_and_client(
    api_client: APIClient, customer: User, other_customer: User
):
    for _ in range(3):
        login(api_client, customer.email, "wrong-password", address="10.0.0.1")

    assert login(api_client, customer.email, address="10.0.0.1").status_code == 429
    assert login(api_client, customer.email, address="10.0.0.2").status_code == 200
    assert login(api_client, other_customer.email, address="10.0.0.1").status_code == 200


# --- the current user ------------------------------------------------------------------------


def test_me_should_return_id_email_name_and_role(customer_client: APIClient, customer: User):
    response = customer_client.get(ME)

    assert response.json() == {
        "user": {
            "id": customer.pk,
            "email": customer.email,
            "name": customer.name,
            "role": "customer",
        }
    }


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Bearer a.b.c"])
def test_me_should_return_401_without_a_valid_token(api_client: APIClient, header: str | None):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}

    response = api_client.get(ME, **extra)

    assert response.status_code == 401
    assert response.headers["Content-Type"] == PROBLEM
    assert response.json()["status"] == 401


@pytest.mark.parametrize("password", ["password", "12345678", "iloveyou"])
def test_register_should_refuse_a_common_password(api_client: APIClient, password: str):
    response = api_client.post(REGISTER, registration(password=password), format="json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["password"]
    assert not User.objects.exists()
