"""Profiles, PATCH /users/me, the user search, follows and the follower lists."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.social.profiles.models import Follow
from tests.social.factories import auth_headers, create_follow, create_post, create_user


def test_profile_shows_counts_and_following_false_when_anonymous(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada", bio="Hi")
    grace = create_user(session, username="grace")
    create_follow(session, follower=grace, followed=ada)
    create_post(session, author=ada)

    response = client.get("/api/users/ada")

    assert response.status_code == 200
    assert response.json == {
        "username": "ada",
        "bio": "Hi",
        "avatar_url": None,
        "followers_count": 1,
        "following_count": 0,
        "posts_count": 1,
        "following": False,
    }
    assert client.get("/api/users/ada", headers=auth_headers(grace)).json["following"]


def test_unknown_profile_returns_404(client: FlaskClient) -> None:
    response = client.get("/api/users/nobody")

    assert response.status_code == 404
    assert response.json["status"] == 404


def test_patch_me_changes_only_the_fields_sent(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, bio="Old bio", avatar_url="https://example.com/a.png")

    response = client.patch("/api/users/me", json={"bio": "New bio"}, headers=auth_headers(ada))

    assert response.status_code == 200
    assert response.json["bio"] == "New bio"
    assert response.json["avatar_url"] == "https://example.com/a.png"
    session.refresh(ada)
    assert ada.bio == "New bio"


def test_patch_me_with_an_empty_string_clears_the_field(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, bio="Old bio", avatar_url="https://example.com/a.png")

    response = client.patch(
        "/api/users/me", json={"bio": "", "avatar_url": ""}, headers=auth_headers(ada)
    )

    assert response.json["bio"] is None
    assert response.json["avatar_url"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bio", "é" * 161),
        ("avatar_url", "javascript:alert(1)"),
        ("avatar_url", "ftp://example.com/a.png"),
        ("avatar_url", "not a url"),
    ],
)
def test_patch_me_returns_422_for_a_long_bio_or_a_non_http_avatar(
    client: FlaskClient, session: Session, field: str, value: str
) -> None:
    ada = create_user(session)

    response = client.patch("/api/users/me", json={field: value}, headers=auth_headers(ada))

    assert response.status_code == 422
    assert field in response.json["errors"]


def test_patch_me_accepts_a_bio_of_exactly_160_characters(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)

    response = client.patch("/api/users/me", json={"bio": "🙂" * 160}, headers=auth_headers(ada))

    assert response.status_code == 200


def test_patch_me_needs_a_token(client: FlaskClient) -> None:
    assert client.patch("/api/users/me", json={"bio": "x"}).status_code == 401


def test_search_matches_the_username_prefix_alphabetically(
    client: FlaskClient, session: Session
) -> None:
    for name in ("bob", "alice", "alan", "xalice"):
        create_user(session, username=name)

    response = client.get("/api/users", query_string={"search": "al"})

    assert [item["username"] for item in response.json["items"]] == ["alan", "alice"]


@pytest.mark.parametrize(("term", "expected"), [("a_b", ["a_b"]), ("a%", [])])
def test_search_takes_underscore_and_percent_literally(
    client: FlaskClient, session: Session, term: str, expected: list[str]
) -> None:
    for name in ("a_b", "axb", "abc"):
        create_user(session, username=name)

    response = client.get("/api/users", query_string={"search": term})

    assert [item["username"] for item in response.json["items"]] == expected


def test_search_pages_through_all_matches(client: FlaskClient, session: Session) -> None:
    names = [f"sam{number}" for number in range(5)]
    for name in names:
        create_user(session, username=name)

    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"search": "sam", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/users", query_string=params).json
        seen += [item["username"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == names


def test_follow_returns_the_profile_and_is_idempotent(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada")
    grace = create_user(session, username="grace")

    for _ in range(2):
        response = client.post("/api/users/grace/follow", headers=auth_headers(ada))
        assert response.status_code == 200
        assert response.json["following"] is True
        assert response.json["followers_count"] == 1

    follows = session.scalars(select(Follow).where(Follow.followed_id == grace.id)).all()
    assert len(follows) == 1


def test_following_yourself_returns_422(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, username="ada")

    response = client.post("/api/users/ada/follow", headers=auth_headers(ada))

    assert response.status_code == 422
    assert response.json["errors"]


def test_following_an_unknown_user_returns_404(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)

    assert client.post("/api/users/nobody/follow", headers=auth_headers(ada)).status_code == 404


def test_follow_needs_a_token(client: FlaskClient, session: Session) -> None:
    create_user(session, username="grace")

    assert client.post("/api/users/grace/follow").status_code == 401


def test_unfollow_is_idempotent(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session, username="grace")
    create_follow(session, follower=ada, followed=grace)

    for _ in range(2):
        response = client.delete("/api/users/grace/follow", headers=auth_headers(ada))
        assert response.status_code == 200
        assert response.json["following"] is False
        assert response.json["followers_count"] == 0


def test_followers_and_following_list_profiles_newest_first(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada")
    fans = [create_user(session, username=f"fan{number}") for number in range(3)]
    for fan in fans:
        create_follow(session, follower=fan, followed=ada)

    followers = client.get("/api/users/ada/followers").json
    following = client.get("/api/users/fan0/following").json

    assert [item["username"] for item in followers["items"]] == ["fan2", "fan1", "fan0"]
    assert followers["items"][0]["following_count"] == 1
    assert followers["items"][0]["followers_count"] == 0
    assert followers["next_cursor"] is None
    assert [item["username"] for item in following["items"]] == ["ada"]


def test_followers_list_pages_with_a_cursor(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, username="ada")
    for _ in range(5):
        create_follow(session, follower=create_user(session), followed=ada)

    first = client.get("/api/users/ada/followers", query_string={"limit": 3}).json
    rest = client.get(
        "/api/users/ada/followers", query_string={"limit": 3, "cursor": first["next_cursor"]}
    ).json

    names = [item["username"] for item in first["items"] + rest["items"]]
    assert len(names) == len(set(names)) == 5
    assert rest["next_cursor"] is None
