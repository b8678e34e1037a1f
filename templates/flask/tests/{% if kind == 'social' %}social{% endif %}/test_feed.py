"""The home feed, and cursor pagination while new posts arrive."""

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.social.factories import auth_headers, create_follow, create_post, create_user


def test_feed_shows_followed_and_own_posts_newest_first(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)
    grace = create_user(session)
    stranger = create_user(session)
    create_follow(session, follower=ada, followed=grace)
    mine = create_post(session, author=ada)
    theirs = create_post(session, author=grace)
    create_post(session, author=stranger)

    response = client.get("/api/feed", headers=auth_headers(ada))

    assert response.status_code == 200
    assert [item["id"] for item in response.json["items"]] == [theirs.id, mine.id]


def test_feed_needs_a_token(client: FlaskClient) -> None:
    assert client.get("/api/feed").status_code == 401


def walk(client: FlaskClient, url: str, headers: dict[str, str], between: Any = None) -> list[int]:
    """Every id of a list, page by page; `between()` runs after each page."""
    ids: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get(url, query_string=params, headers=headers).json
        ids += [item["id"] for item in page["items"]]
        if between:
            between()
        cursor = page["next_cursor"]
        if cursor is None:
            return ids


def test_walking_the_feed_never_repeats_or_skips_while_new_posts_arrive(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)
    grace = create_user(session)
    create_follow(session, follower=ada, followed=grace)
    existing = [create_post(session, author=grace) for _ in range(10)]

    seen = walk(
        client,
        "/api/feed",
        auth_headers(ada),
        between=lambda: create_post(session, author=grace),
    )

    assert seen == [post.id for post in reversed(existing)]


def test_posts_with_the_same_timestamp_are_neither_repeated_nor_skipped(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada")
    posts = [create_post(session, author=ada) for _ in range(7)]
    moment = posts[0].created_at
    for post in posts:
        post.created_at = moment  # all in the same microsecond
    session.commit()

    seen = walk(client, "/api/users/ada/posts", auth_headers(ada))

    assert sorted(seen) == sorted(post.id for post in posts)
    assert len(seen) == len(set(seen))


@pytest.mark.parametrize("cursor", ["not-a-cursor", "bm9wZQ", "WyJ4Il0", "W10"])
def test_a_malformed_cursor_returns_422(client: FlaskClient, session: Session, cursor: str) -> None:
    ada = create_user(session)

    response = client.get("/api/feed", query_string={"cursor": cursor}, headers=auth_headers(ada))

    assert response.status_code == 422
    assert "cursor" in response.json["errors"]


@pytest.mark.parametrize("limit", [0, 101, "many"])
def test_a_limit_outside_1_to_100_returns_422(
    client: FlaskClient, session: Session, limit: int | str
) -> None:
    ada = create_user(session)

    response = client.get("/api/feed", query_string={"limit": limit}, headers=auth_headers(ada))

    assert response.status_code == 422
    assert "limit" in response.json["errors"]


def test_limit_defaults_to_20(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    for _ in range(21):
        create_post(session, author=ada)

    page = client.get("/api/feed", headers=auth_headers(ada)).json

    assert len(page["items"]) == 20
    assert page["next_cursor"] is not None
