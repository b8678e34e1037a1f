"""Accounts: register, log in, the current user; bad tokens; the failed-login limit."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tests.contracts.checks import PASSWORD, expect, expect_field_errors, expect_problem
from tests.contracts.social.network import LOGIN_MAX_FAILURES, Crowd, Network, User, unique

USER_MEMBERS = {"id", "username", "email", "bio", "avatar_url"}


def registration(**fields: str) -> dict[str, str]:
    username = unique("reg")
    return {
        "username": username,
        "email": f"{username}@example.com",
        "password": PASSWORD,
        **fields,
    }


def test_register_answers_201_with_the_user_and_a_token(api: httpx.Client) -> None:
    body = registration()

    answer = expect(api.post("/auth/register", json=body), 201, "registering")

    assert set(answer) >= {"user", "token"}
    assert set(answer["user"]) >= USER_MEMBERS
    assert answer["user"]["username"] == body["username"]
    assert answer["user"]["email"] == body["email"]
    assert "password" not in answer["user"] and "password_hash" not in answer["user"]
    me = api.get("/auth/me", headers={"Authorization": f"Bearer {answer['token']}"})
    assert expect(me, 200, "the new token")["user"]["username"] == body["username"]


@pytest.mark.parametrize("taken", ["username", "email"])
def test_register_answers_409_when_the_username_or_email_is_taken(
    api: httpx.Client, alice: User, taken: str
) -> None:
    body = registration(**{taken: getattr(alice, taken)})

    expect_problem(api.post("/auth/register", json=body), 409, f"a taken {taken}")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "ab"),
        ("username", "a" * 31),
        ("username", "Upper_case"),
        ("username", "with-dash"),
        ("username", "with space"),
        ("email", "not-an-email"),
        ("password", "seven77"),
    ],
)
def test_register_answers_422_naming_the_bad_field(
    api: httpx.Client, field: str, value: str
) -> None:
    response = api.post("/auth/register", json=registration(**{field: value}))

    expect_field_errors(response, f"{field}={value!r}", field)


def test_register_accepts_usernames_of_3_and_30_allowed_characters(api: httpx.Client) -> None:
    for username in (unique("u_")[:3], unique("a_9")[:30].ljust(30, "0")):
        body = registration(username=username, email=f"{unique('e')}@example.com")
        response = api.post("/auth/register", json=body)
        if response.status_code == 409:  # a 3-character name may exist already
            continue
        expect(response, 201, f"username {username!r}")


def test_login_answers_the_user_and_a_token(api: httpx.Client, alice: User) -> None:
    response = api.post("/auth/login", json={"email": alice.email, "password": alice.password})

    answer = expect(response, 200, "logging in")
    assert set(answer["user"]) >= USER_MEMBERS
    assert answer["user"]["username"] == alice.username
    assert answer["token"]


def test_login_with_a_wrong_password_answers_401(api: httpx.Client, alice: User) -> None:
    response = api.post("/auth/login", json={"email": alice.email, "password": "wrong-password"})

    expect_problem(response, 401, "a wrong password")


def test_login_with_an_unknown_email_answers_401(api: httpx.Client) -> None:
    body = {"email": f"{unique('nobody')}@example.com", "password": PASSWORD}

    expect_problem(api.post("/auth/login", json=body), 401, "an unknown e-mail")


def test_me_answers_the_signed_in_user(api: httpx.Client, alice: User) -> None:
    user = expect(api.get("/auth/me", headers=alice.auth), 200, "/auth/me")["user"]

    assert set(user) >= USER_MEMBERS
    assert (user["username"], user["email"], user["id"]) == (alice.username, alice.email, alice.id)


def test_me_without_a_token_answers_401(api: httpx.Client) -> None:
    expect_problem(api.get("/auth/me"), 401, "/auth/me without a token")


# A well-formed token that expired in 2020, signed with a key the server does not use.
EXPIRED = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwiaWF0IjoxNjAwMDAwMDAwLCJleHAiOjE2MDAw"
    "MDM2MDB9.4pZ8m6oZ9bB3m1v6m7wWZ3vJb2Yw8nq8xJ1qZQ2lq9E"
)


@pytest.mark.parametrize("token", ["not-a-jwt", EXPIRED], ids=["garbage", "forged-and-expired"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/users?search=a"),
        ("GET", "/users/{username}"),
        ("GET", "/users/{username}/posts"),
        ("GET", "/users/{username}/followers"),
        ("GET", "/auth/me"),
        ("GET", "/feed"),
    ],
)
def test_an_invalid_or_expired_token_answers_401_even_where_anyone_may_call(
    api: httpx.Client, crowd: Crowd, token: str, method: str, path: str
) -> None:
    url = path.format(username=crowd.first(1)[0].username)

    response = api.request(method, url, headers={"Authorization": f"Bearer {token}"})

    expect_problem(response, 401, f"{method} {url} with a bad token")


def test_an_invalid_token_answers_401_on_public_post_reads(
    net: Network, api: httpx.Client, alice: User
) -> None:
    post = net.post(alice)
    bad = {"Authorization": "Bearer not-a-jwt"}

    expect_problem(api.get(f"/posts/{post['id']}", headers=bad), 401, "a post, bad token")
    comments = api.get(f"/posts/{post['id']}/comments", headers=bad)
    expect_problem(comments, 401, "comments, bad token")


def login(client: httpx.Client, email: str, password: str) -> httpx.Response:
    return client.post("/auth/login", json={"email": email, "password": password})


def test_login_answers_429_with_retry_after_after_5_failures(
    api: httpx.Client, alice: User
) -> None:
    for attempt in range(LOGIN_MAX_FAILURES):
        expect_problem(login(api, alice.email, "wrong-password"), 401, f"failure {attempt + 1}")

    response = login(api, alice.email, alice.password)

    expect_problem(response, 429, "the right password after 5 failures")
    retry_after = response.headers.get("retry-after", "")
    assert retry_after.isdigit() and 0 < int(retry_after) <= 15 * 60, retry_after


def test_four_failures_do_not_lock_the_account(api: httpx.Client, alice: User) -> None:
    for _ in range(LOGIN_MAX_FAILURES - 1):
        login(api, alice.email, "wrong-password")

    expect(login(api, alice.email, alice.password), 200, "after 4 failures")


def test_a_locked_account_does_not_lock_other_accounts(
    api: httpx.Client, alice: User, bob: User
) -> None:
    for _ in range(LOGIN_MAX_FAILURES + 1):
        login(api, alice.email, "wrong-password")

    expect(login(api, bob.email, bob.password), 200, "another account, same client")


def test_a_locked_account_still_signs_in_from_another_client(
    api: httpx.Client, contract_server: Any, alice: User
) -> None:
    # The limit is per e-mail *and* client address. All of 127.0.0.0/8 is loopback,
    # so a request from 127.0.0.2 comes from another client address.
    host = httpx.URL(contract_server.base_url).host
    if not host.startswith("127."):
        pytest.skip(f"needs a server on loopback to call it from a second address, not {host}")
    for _ in range(LOGIN_MAX_FAILURES + 1):
        login(api, alice.email, "wrong-password")
    expect_problem(login(api, alice.email, alice.password), 429, "the locked pair")
    transport = httpx.HTTPTransport(local_address="127.0.0.2", verify=contract_server.verify)
    with contract_server.client(timeout=api.timeout, transport=transport) as other:
        expect(login(other, alice.email, alice.password), 200, "the same account from 127.0.0.2")


def test_registration_is_not_limited(api: httpx.Client) -> None:
    for number in range(LOGIN_MAX_FAILURES + 3):
        expect(api.post("/auth/register", json=registration()), 201, f"registration {number}")
