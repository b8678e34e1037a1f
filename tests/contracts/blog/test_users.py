"""Accounts: registration and its validation, signing in, tokens, and the login limit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from tests.contracts.blog.conduit import Conduit, User, assert_validation_error, unique
from tests.contracts.checks import PASSWORD, expect

# --- registration -------------------------------------------------------------------------


def registration(**overrides: Any) -> dict[str, Any]:
    username = unique("reg")
    user = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
    user.update(overrides)
    return {"user": {key: value for key, value in user.items() if value is not None}}


@pytest.mark.parametrize("missing", ["username", "email", "password"])
def test_registration_without_a_required_field_is_422_and_creates_nothing(
    api: httpx.Client, missing: str
) -> None:
    body = registration(**{missing: None})
    assert_validation_error(api.post("/users", json=body), f"registering without {missing}")
    if missing != "email":
        login = {"email": body["user"]["email"], "password": PASSWORD}
        response = api.post("/users/login", json={"user": login})
        assert response.status_code == 401, "a rejected registration still created the account"


def test_registration_with_a_malformed_email_is_422(api: httpx.Client) -> None:
    body = registration(email="not-an-email")
    assert_validation_error(api.post("/users", json=body), "registering with a bad e-mail")


def test_registration_with_no_user_object_is_422(api: httpx.Client) -> None:
    assert_validation_error(api.post("/users", json={}), "registering with an empty body")


def test_registration_with_a_taken_username_is_422_and_keeps_the_first_account(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    response = api.post("/users", json=registration(username=alice.username))
    assert_validation_error(response, "registering a taken username")
    profile = expect(api.get(f"/profiles/{alice.username}"), 200, "reading the profile")
    assert profile["profile"]["username"] == alice.username
    login = {"email": alice.email, "password": alice.password}
    expect(api.post("/users/login", json={"user": login}), 200, "the first owner signing in")


def test_registration_with_a_taken_email_is_422(api: httpx.Client, alice: User) -> None:
    response = api.post("/users", json=registration(email=alice.email))
    assert_validation_error(response, "registering a taken e-mail")


def test_registration_returns_the_user_with_a_working_token(api: httpx.Client) -> None:
    body = registration()
    user = expect(api.post("/users", json=body), 201, "registering")["user"]
    assert user["username"] == body["user"]["username"]
    assert user["email"] == body["user"]["email"]
    assert "password" not in user, "the response echoes the password"
    stored = expect(
        api.get("/user", headers={"Authorization": f"Token {user['token']}"}), 200, "GET /user"
    )["user"]
    assert (stored["username"], stored["email"]) == (user["username"], user["email"])


# --- signing in -------------------------------------------------------------------------------


def login(api: httpx.Client, email: str, password: str) -> httpx.Response:
    return api.post("/users/login", json={"user": {"email": email, "password": password}})


def test_login_with_a_wrong_password_is_401(api: httpx.Client, alice: User) -> None:
    expect(login(api, alice.email, "wrong-password"), 401, "signing in with a wrong password")


def test_login_for_an_unknown_email_is_401(api: httpx.Client) -> None:
    email = f"{unique('nobody')}@example.com"
    expect(login(api, email, PASSWORD), 401, "signing in as nobody")


@pytest.mark.parametrize("missing", ["email", "password"])
def test_login_without_a_required_field_is_422(api: httpx.Client, missing: str) -> None:
    credentials = {"email": "someone@example.com", "password": PASSWORD}
    del credentials[missing]
    response = api.post("/users/login", json={"user": credentials})
    assert_validation_error(response, f"signing in without {missing}")


def test_login_returns_a_token_for_the_same_account(api: httpx.Client, alice: User) -> None:
    user = expect(login(api, alice.email, alice.password), 200, "signing in")["user"]
    assert user["username"] == alice.username
    me = api.get("/user", headers={"Authorization": f"Token {user['token']}"})
    assert expect(me, 200, "GET /user with the new token")["user"]["email"] == alice.email


# --- the failed-login limit -------------------------------------------------------------------

#: Failed logins allowed per account and client before 429 (the contracts' rule:
#: 5 within 15 minutes; registration and other accounts are not limited by it).
LOGIN_MAX_FAILURES = 5


def test_login_is_429_with_retry_after_after_five_failures_even_with_the_right_password(
    api: httpx.Client, alice: User
) -> None:
    for attempt in range(1, LOGIN_MAX_FAILURES + 1):
        expect(login(api, alice.email, "wrong-password"), 401, f"failed login {attempt}")
    blocked = login(api, alice.email, "wrong-password")
    expect(blocked, 429, f"login attempt {LOGIN_MAX_FAILURES + 1} after as many failures")
    retry_after = blocked.headers.get("retry-after", "")
    assert retry_after.isdigit() and int(retry_after) > 0, (
        f"429 without a positive Retry-After (seconds): {retry_after!r}"
    )
    # Otherwise guessing could simply go on: the right password is refused too, for now.
    expect(login(api, alice.email, alice.password), 429, "the right password while locked")


def test_a_locked_account_does_not_lock_other_accounts_from_the_same_client(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    for _ in range(LOGIN_MAX_FAILURES + 1):
        login(api, alice.email, "wrong-password")
    expect(login(api, alice.email, alice.password), 429, "the locked account")
    bob = conduit.register("bob")  # registration is not limited either
    user = expect(login(api, bob.email, bob.password), 200, "another account signing in")["user"]
    assert user["username"] == bob.username


def test_a_locked_account_still_signs_in_from_another_client(
    api: httpx.Client, contract_server: Any, alice: User
) -> None:
    # The limit is per account *and* client: the owner on another machine is not locked out.
    # All of 127.0.0.0/8 is loopback, so a request from 127.0.0.2 is another client address.
    host = httpx.URL(contract_server.base_url).host
    if not host.startswith("127."):
        pytest.skip(f"needs a server on loopback to call it from a second address, not {host}")
    for _ in range(LOGIN_MAX_FAILURES + 1):
        login(api, alice.email, "wrong-password")
    expect(login(api, alice.email, alice.password), 429, "the locked account and client")
    other_client = contract_server.client(
        timeout=api.timeout,
        transport=httpx.HTTPTransport(local_address="127.0.0.2", verify=contract_server.verify),
    )
    with other_client:
        response = login(other_client, alice.email, alice.password)
    assert expect(response, 200, "the same account from 127.0.0.2")["user"]["username"] == (
        alice.username
    )


def test_a_successful_login_resets_the_failure_count(api: httpx.Client, alice: User) -> None:
    for _ in range(LOGIN_MAX_FAILURES - 1):
        expect(login(api, alice.email, "wrong-password"), 401, "a failed login")
    expect(login(api, alice.email, alice.password), 200, "the right password before the limit")
    for attempt in range(1, LOGIN_MAX_FAILURES):
        expect(login(api, alice.email, "wrong-password"), 401, f"failed login {attempt} after")


# --- the current user ---------------------------------------------------------------------


def test_updating_the_user_changes_what_is_stored(
    api: httpx.Client, conduit: Conduit, alice: User
) -> None:
    new_email = f"{unique('moved')}@example.com"
    changes = {
        "email": new_email,
        "bio": "I write about tests.",
        "image": "https://img.example/a.png",
    }
    updated = expect(
        api.put("/user", json={"user": changes}, headers=alice.auth), 200, "PUT /user"
    )["user"]
    assert {key: updated[key] for key in changes} == changes
    stored = expect(api.get("/user", headers=alice.auth), 200, "GET /user after PUT")["user"]
    assert {key: stored[key] for key in changes} == changes, "GET /user shows the old values"
    profile = expect(api.get(f"/profiles/{alice.username}"), 200, "the profile after PUT")
    assert profile["profile"]["bio"] == changes["bio"]
    expect(login(api, new_email, alice.password), 200, "signing in with the new e-mail")
    expect(login(api, alice.email, alice.password), 401, "signing in with the old e-mail")


def test_changing_the_password_makes_only_the_new_one_work(api: httpx.Client, alice: User) -> None:
    new_password = "another-long-password"
    response = api.put("/user", json={"user": {"password": new_password}}, headers=alice.auth)
    assert "password" not in expect(response, 200, "changing the password")["user"]
    expect(login(api, alice.email, new_password), 200, "signing in with the new password")
    expect(login(api, alice.email, alice.password), 401, "signing in with the old password")


def test_changing_the_username_moves_the_profile(api: httpx.Client, alice: User) -> None:
    new_name = unique("renamed")
    response = api.put("/user", json={"user": {"username": new_name}}, headers=alice.auth)
    assert expect(response, 200, "renaming")["user"]["username"] == new_name
    expect(api.get(f"/profiles/{new_name}"), 200, "the profile under its new name")
    expect(api.get(f"/profiles/{alice.username}"), 404, "the profile under its old name")


def test_updating_to_a_taken_email_is_422_and_changes_nothing(
    api: httpx.Client, alice: User, bob: User
) -> None:
    response = api.put("/user", json={"user": {"email": bob.email}}, headers=alice.auth)
    assert_validation_error(response, "taking someone else's e-mail")
    stored = expect(api.get("/user", headers=alice.auth), 200, "GET /user")["user"]
    assert stored["email"] == alice.email


def test_updating_to_a_taken_username_is_422(api: httpx.Client, alice: User, bob: User) -> None:
    response = api.put("/user", json={"user": {"username": bob.username}}, headers=alice.auth)
    assert_validation_error(response, "taking someone else's username")
    stored = expect(api.get("/user", headers=alice.auth), 200, "GET /user")["user"]
    assert stored["username"] == alice.username


def test_updating_to_a_malformed_email_is_422(api: httpx.Client, alice: User) -> None:
    response = api.put("/user", json={"user": {"email": "nope"}}, headers=alice.auth)
    assert_validation_error(response, "a malformed e-mail")


# --- 401 on every protected endpoint ------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Things that exist, so that a 401 cannot be a 404 in disguise."""

    owner: User
    slug: str
    body: str
    comment_id: int


@pytest.fixture(scope="module")
def target(contract_server: Any) -> Target:
    with contract_server.client(timeout=15.0) as client:
        conduit = Conduit(client)
        owner = conduit.register("owner")
        article = conduit.create_article(owner, tags=["protected"])
        comment = conduit.comment(owner, article["slug"])
    return Target(owner, article["slug"], article["body"], comment["id"])


#: Every endpoint that requires a signed-in user, with a valid body where it takes one.
PROTECTED = [
    ("GET", "/user", None),
    ("PUT", "/user", {"user": {"bio": "changed by nobody"}}),
    ("POST", "/profiles/{username}/follow", None),
    ("DELETE", "/profiles/{username}/follow", None),
    ("GET", "/articles/feed", None),
    ("POST", "/articles", {"article": {"title": "t", "description": "d", "body": "b"}}),
    ("PUT", "/articles/{slug}", {"article": {"body": "changed by nobody"}}),
    ("DELETE", "/articles/{slug}", None),
    ("POST", "/articles/{slug}/comments", {"comment": {"body": "by nobody"}}),
    ("DELETE", "/articles/{slug}/comments/{comment_id}", None),
    ("POST", "/articles/{slug}/favorite", None),
    ("DELETE", "/articles/{slug}/favorite", None),
]


def _forged(token: str) -> str:
    """The token with its signature replaced: well-formed, but not signed by the server."""
    parts = token.split(".")
    if len(parts) != 3:
        return token + "x"
    signature = parts[2]
    parts[2] = ("A" if not signature.startswith("A") else "B") * len(signature)
    return ".".join(parts)


CREDENTIALS = {
    "no-token": lambda target: {},
    "garbage-token": lambda target: {"Authorization": "Token not-a-token"},
    "forged-token": lambda target: {"Authorization": f"Token {_forged(target.owner.token)}"},
}


@pytest.mark.parametrize("credentials", list(CREDENTIALS))
@pytest.mark.parametrize(
    ("method", "path", "body"), PROTECTED, ids=[f"{m}:{p}" for m, p, _ in PROTECTED]
)
def test_protected_endpoint_is_401_without_a_valid_token_and_changes_nothing(
    api: httpx.Client,
    conduit: Conduit,
    target: Target,
    method: str,
    path: str,
    body: dict[str, Any] | None,
    credentials: str,
) -> None:
    url = path.format(
        username=target.owner.username, slug=target.slug, comment_id=target.comment_id
    )
    headers = CREDENTIALS[credentials](target)
    response = api.request(method, url, json=body, headers=headers)
    assert response.status_code == 401, (
        f"{method} {url} with {credentials}: {response.status_code}, expected 401: "
        f"{response.text[:300]}"
    )
    article = conduit.read_article(target.slug)
    assert article["body"] == target.body, "an unauthenticated request changed the article"
    assert article["favoritesCount"] == 0, "an unauthenticated request favourited the article"
    comments = conduit.comments(target.slug)
    assert [comment["id"] for comment in comments] == [target.comment_id], (
        "an unauthenticated request added or deleted a comment"
    )
