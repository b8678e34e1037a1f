"""Accounts: register, log in, the current user, tokens, and the failed-login limit."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.checks import PASSWORD, expect, expect_field_errors, expect_problem
from tests.contracts.ecommerce.shop import Shop, User, unique


def test_registering_answers_201_with_a_customer_and_a_token(api: httpx.Client) -> None:
    email = f"{unique('new')}@example.com"
    body = {"email": email, "password": PASSWORD, "name": "New Customer"}
    answer = expect(api.post("/auth/register", json=body), 201, "registering")
    assert set(answer) >= {"user", "token"} and answer["token"]
    user = answer["user"]
    assert {key: user[key] for key in ("email", "name", "role")} == {
        "email": email,
        "name": "New Customer",
        "role": "customer",
    }
    assert isinstance(user["id"], int)
    assert "password" not in user and "password_hash" not in user


def test_registration_cannot_make_an_admin(api: httpx.Client) -> None:
    body = {"email": f"{unique('sneaky')}@example.com", "password": PASSWORD, "name": "S"}
    answer = expect(api.post("/auth/register", json={**body, "role": "admin"}), 201, "register")
    assert answer["user"]["role"] == "customer"


def test_a_taken_email_answers_409(api: httpx.Client, alice: User) -> None:
    body = {"email": alice.email, "password": PASSWORD, "name": "Again"}
    expect_problem(api.post("/auth/register", json=body), 409, "registering a taken e-mail")


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [("not-an-email", PASSWORD, "email"), (None, "seven77", "password")],
)
def test_a_bad_email_or_a_short_password_answers_422(
    api: httpx.Client, email: str | None, password: str, field: str
) -> None:
    body = {"email": email or f"{unique('x')}@example.com", "password": password, "name": "X"}
    expect_field_errors(api.post("/auth/register", json=body), f"bad {field}", field)


def test_login_answers_the_user_and_a_working_token(api: httpx.Client, alice: User) -> None:
    answer = expect(
        api.post("/auth/login", json={"email": alice.email, "password": PASSWORD}), 200, "login"
    )
    assert answer["user"]["id"] == alice.id
    me = api.get("/auth/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert expect(me, 200, "GET /auth/me with the new token")["user"]["email"] == alice.email


@pytest.mark.parametrize("which", ["wrong password", "unknown e-mail"])
def test_bad_credentials_answer_401(api: httpx.Client, alice: User, which: str) -> None:
    email = alice.email if which == "wrong password" else f"{unique('ghost')}@example.com"
    password = "wrong-password" if which == "wrong password" else PASSWORD
    response = api.post("/auth/login", json={"email": email, "password": password})
    expect_problem(response, 401, f"login with a {which}")


def test_me_answers_id_email_name_and_role(api: httpx.Client, alice: User) -> None:
    user = expect(api.get("/auth/me", headers=alice.auth), 200, "GET /auth/me")["user"]
    assert user == {"id": alice.id, "email": alice.email, "name": "Alice", "role": "customer"}


def test_me_without_a_token_answers_401(api: httpx.Client) -> None:
    expect_problem(api.get("/auth/me"), 401, "GET /auth/me anonymously")


@pytest.mark.parametrize("path", ["/auth/me", "/products", "/categories", "/products/1", "/cart"])
@pytest.mark.parametrize("token", ["not-a-jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bad"])
def test_an_invalid_token_answers_401_even_where_anyone_may_call(
    api: httpx.Client, path: str, token: str
) -> None:
    response = api.get(path, headers={"Authorization": f"Bearer {token}"})
    expect_problem(response, 401, f"GET {path} with an invalid token")


@pytest.mark.parametrize("path", ["/auth/login", "/auth/register"])
def test_an_invalid_token_answers_401_on_login_and_register_too(
    api: httpx.Client, alice: User, path: str
) -> None:
    body = {"email": alice.email, "password": PASSWORD, "name": "Alice"}
    response = api.post(path, json=body, headers={"Authorization": "Bearer not-a-jwt"})
    expect_problem(response, 401, f"POST {path} with an invalid token")


def test_an_expired_token_answers_401(api: httpx.Client) -> None:
    # Signed with some key, expired in 2001: refused whatever the server's key is.
    expired = (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJzdWIiOiIxIiwiaWF0Ijo5NzgzMDcyMDAsImV4cCI6OTc4MzEwODAwfQ."
        "3c6pAYQ3Fq1J0vPoZbU2cU7tJ1bqPZ5c0Oq2vUe1r7Q"
    )
    response = api.get("/products", headers={"Authorization": f"Bearer {expired}"})
    expect_problem(response, 401, "GET /products with an expired token")


# --- the failed-login limit ---------------------------------------------------------


def test_five_failed_logins_then_429_with_retry_after_even_for_the_right_password(
    api: httpx.Client, shop: Shop
) -> None:
    victim = shop.register("victim")
    for attempt in range(5):
        response = api.post("/auth/login", json={"email": victim.email, "password": "wrong!!!"})
        expect_problem(response, 401, f"failed login {attempt + 1}")
    blocked = api.post("/auth/login", json={"email": victim.email, "password": PASSWORD})
    expect_problem(blocked, 429, "the right password after 5 failures")
    retry_after = blocked.headers.get("retry-after", "")
    assert retry_after.isdigit() and 0 < int(retry_after) <= 15 * 60, (
        f"Retry-After {retry_after!r} should be the seconds left in the 15-minute window"
    )


def test_the_limit_is_per_email_so_other_accounts_still_log_in(
    api: httpx.Client, shop: Shop
) -> None:
    locked, other = shop.register("locked"), shop.register("other")
    for _ in range(5):
        api.post("/auth/login", json={"email": locked.email, "password": "wrong!!!"})
    shop.login(other.email, PASSWORD)


def test_registration_is_not_limited(shop: Shop) -> None:
    for _ in range(8):
        shop.register("classmate")
