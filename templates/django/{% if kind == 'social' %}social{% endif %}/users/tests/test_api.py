"""/api/auth (register, login, me), /api/users (search), /api/users/me and profiles."""

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.test import APIClient

from social.follows.tests.factories import FollowFactory
from social.posts.tests.factories import PostFactory
from social.users.models import User
from social.users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = reverse("api:auth-register")
LOGIN = reverse("api:auth-login")
ME = reverse("api:auth-me")
SEARCH = reverse("api:user-search")
MY_PROFILE = reverse("api:user-me")


def profile_url(username: str) -> str:
    return reverse("api:user-detail", args=[username])


def registration(**changes: str | None) -> dict[str, str]:
    body = {"username": "ada", "email": "ada@example.com", "password": PASSWORD, **changes}
    return {key: value for key, value in body.items() if value is not None}


def login(client: APIClient, email: str, password: str = PASSWORD, client_address: str = ""):
    extra = {"REMOTE_ADDR": client_address} if client_address else {}
    return client.post(LOGIN, {"email": email, "password": password}, format="json", **extra)


# --- registering ---------------------------------------------------------------------


def test_register_should_create_the_user_and_return_a_working_token(api_client: APIClient):
    response = api_client.post(REGISTER, registration(email="Ada@Example.com"), format="json")

    assert response.status_code == 201
    body = response.json()
    assert body["user"] == {
        "id": body["user"]["id"],
        "username": "ada",
        "email": "ada@example.com",
        "bio": None,
        "avatar_url": None,
    }
    stored = User.objects.get(username="ada")
    assert stored.password.startswith("md5$")  # hashed (argon2 outside the tests)
    me = api_client.get(ME, HTTP_AUTHORIZATION=f"Bearer {body['token']}")
    assert me.status_code == 200
    assert me.json() == {"user": body["user"]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("username", "ab"),
        ("username", "a" * 31),
        ("username", "Upper"),
        ("username", "with-dash"),
        ("email", "not-an-email"),
        ("password", "seven77"),
        ("password", None),
    ],
)
def test_register_should_return_422_naming_the_bad_field(
    api_client: APIClient, field: str, value: str | None
):
    response = api_client.post(REGISTER, registration(**{field: value}), format="json")

    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]
    assert not User.objects.exists()


@pytest.mark.parametrize(("field", "taken"), [("username", "ada"), ("email", "ADA@example.com")])
def test_register_should_return_409_when_the_username_or_email_is_taken(
    api_client: APIClient, field: str, taken: str
):
    UserFactory(username="ada", email="ada@example.com")
    other = {"username": "grace", "email": "grace@example.com", field: taken}

    response = api_client.post(REGISTER, registration(**other), format="json")

    assert response.status_code == 409
    assert response.json()["status"] == 409
    assert User.objects.count() == 1


# --- signing in ----------------------------------------------------------------------------


def test_login_should_return_the_user_and_a_token(api_client: APIClient, user: User):
    response = login(api_client, user.email.upper())

    assert response.status_code == 200
    assert response.json()["user"]["username"] == user.username
    assert response.json()["token"]


@pytest.mark.parametrize("email", ["user@example.com", "nobody@example.com"])
def test_login_should_return_401_for_a_wrong_password_or_an_unknown_email(
    api_client: APIClient, email: str
):
    UserFactory(email="user@example.com")

    response = login(api_client, email, "wrong-password")

    assert response.status_code == 401
    assert response.json()["title"] == "Unauthorized"


@override_settings(LOGIN_MAX_FAILURES=3, LOGIN_WINDOW_SECONDS=600)
def test_login_should_return_429_with_retry_after_per_account_and_client(
    api_client: APIClient, user: User, other_user: User
):
    for _ in range(3):
        assert login(api_client, user.email, "wrong", client_address="10.0.0.1").status_code == 401

    blocked = login(api_client, user.email, client_address="10.0.0.1")  # even the right one

    assert blocked.status_code == 429
    assert 0 < int(blocked.headers["Retry-After"]) <= 600
    assert login(api_client, user.email, client_address="10.0.0.2").status_code == 200
    assert login(api_client, other_user.email, client_address="10.0.0.1").status_code == 200


# --- tokens --------------------------------------------------------------------------------


def test_me_should_return_401_without_a_token(api_client: APIClient):
    response = api_client.get(ME)

    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("path", [ME, SEARCH, profile_url("ada"), reverse("api:feed")])
def test_a_bad_token_should_return_401_even_where_anyone_may_call(api_client: APIClient, path):
    UserFactory(username="ada")

    response = api_client.get(path, HTTP_AUTHORIZATION="Bearer not-a-jwt")

    assert response.status_code == 401


# --- profiles ------------------------------------------------------------------------------


def test_a_profile_should_show_its_counts_and_whether_the_caller_follows(
    api_client: APIClient, auth_client: APIClient, user: User
):
    ada = UserFactory(username="ada", bio="Hello")
    FollowFactory(follower=user, followed=ada)
    FollowFactory(follower=ada)
    PostFactory.create_batch(2, author=ada)

    anonymous = api_client.get(profile_url("ada")).json()
    signed_in = auth_client.get(profile_url("ada")).json()

    assert anonymous == {
        "username": "ada",
        "bio": "Hello",
        "avatar_url": None,
        "followers_count": 1,
        "following_count": 1,
        "posts_count": 2,
        "following": False,
    }
    assert signed_in["following"] is True


def test_an_unknown_profile_should_return_404(api_client: APIClient):
    response = api_client.get(profile_url("nobody"))

    assert response.status_code == 404
    assert response.json()["detail"]


def test_patch_me_should_change_only_the_fields_sent(auth_client: APIClient, user: User):
    auth_client.patch(
        MY_PROFILE, {"bio": "Hi", "avatar_url": "https://img.example/a.png"}, format="json"
    )

    response = auth_client.patch(MY_PROFILE, {"bio": "🙂" * 160}, format="json")

    assert response.status_code == 200
    assert response.json()["bio"] == "🙂" * 160
    user.refresh_from_db()
    assert (user.bio, user.avatar_url) == ("🙂" * 160, "https://img.example/a.png")


@pytest.mark.parametrize("field", ["bio", "avatar_url"])
@pytest.mark.parametrize("empty", ["", "   "])
def test_patch_me_with_an_empty_string_should_clear_the_field(
    auth_client: APIClient, user: User, field: str, empty: str
):
    user.bio, user.avatar_url = "Hi", "http://img.example/a.png"
    user.save()

    response = auth_client.patch(MY_PROFILE, {field: empty}, format="json")

    assert response.status_code == 200
    assert response.json()[field] is None
    user.refresh_from_db()
    assert getattr(user, field) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bio", "x" * 161),
        ("avatar_url", "javascript:alert(1)"),
        ("avatar_url", "data:image/png;base64,AAAA"),
        ("avatar_url", "ftp://example.com/a.png"),
        ("avatar_url", "not a url"),
    ],
)
def test_patch_me_should_return_422_for_a_long_bio_or_a_non_http_avatar(
    auth_client: APIClient, user: User, field: str, value: str
):
    response = auth_client.patch(MY_PROFILE, {field: value}, format="json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    user.refresh_from_db()
    assert getattr(user, field) is None


def test_patch_me_should_return_401_without_a_token(api_client: APIClient):
    assert api_client.patch(MY_PROFILE, {"bio": "x"}, format="json").status_code == 401


# --- search --------------------------------------------------------------------------------


def test_search_should_find_usernames_starting_with_the_term_alphabetically(
    api_client: APIClient,
):
    for name in ("adam", "ada", "grace", "nada"):
        UserFactory(username=name)

    response = api_client.get(SEARCH, {"search": "Ada"})

    assert response.status_code == 200
    assert [p["username"] for p in response.json()["items"]] == ["ada", "adam"]
    assert response.json()["next_cursor"] is None
    assert "email" not in response.json()["items"][0]


def test_search_should_take_underscore_and_percent_literally(api_client: APIClient):
    UserFactory(username="a_b")
    UserFactory(username="axb")

    underscore = api_client.get(SEARCH, {"search": "a_"}).json()["items"]
    percent = api_client.get(SEARCH, {"search": "a%"}).json()["items"]

    assert [p["username"] for p in underscore] == ["a_b"]
    assert percent == []


def test_search_pages_should_walk_every_match_once(api_client: APIClient):
    names = sorted(UserFactory(username=f"pg{n}").username for n in range(5))

    first = api_client.get(SEARCH, {"search": "pg", "limit": 3}).json()
    second = api_client.get(
        SEARCH, {"search": "pg", "limit": 3, "cursor": first["next_cursor"]}
    ).json()

    assert [p["username"] for p in first["items"] + second["items"]] == names
    assert second["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["not a cursor!", "W10", "eyJ4IjogMX0"])
def test_search_should_return_422_for_a_malformed_cursor(api_client: APIClient, cursor: str):
    response = api_client.get(SEARCH, {"search": "a", "cursor": cursor})

    assert response.status_code == 422
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize("password", ["password", "12345678", "iloveyou"])
def test_register_should_refuse_a_common_password(api_client: APIClient, password: str):
    response = api_client.post(REGISTER, registration(password=password), format="json")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["password"]
    assert not User.objects.exists()
