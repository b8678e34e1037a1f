"""Requests that race each other never end in a 500, and the counts stay true: one
like and one follow per pair, one notification each, and a like or a comment on a
post that is being deleted finds it gone (404).

Real threads send real requests at the same moment; each request gets its own
database connection, as with a real server. This holds on SQLite (BEGIN IMMEDIATE)
and on PostgreSQL (the primary keys refuse a second row, the foreign keys a row
that points at a deleted post).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.social.comments.models import Comment
from app.social.notifications.models import Notification
from app.social.posts.models import Like, Post
from app.social.profiles.models import Follow
from tests.social.factories import auth_headers, create_post, create_user

ROUNDS = 8

# A warning from the database layer (an UPDATE or DELETE that found its row gone, say)
# is a race the code did not expect: fail the request, and so the test.
pytestmark = pytest.mark.filterwarnings("error::sqlalchemy.exc.SAWarning")


def at_once(app: Flask, requests: list[Any]) -> list[Any]:
    """Send every request(client) at the same moment; their responses, in order."""
    start = threading.Barrier(len(requests))

    def run(request: Any) -> Any:
        client = app.test_client()
        start.wait()  # every request leaves at the same moment
        return request(client)

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(run, requests))


def count(session: Session, model: Any) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_concurrent_likes_by_one_user_count_once_and_notify_once(
    app: Flask, session: Session
) -> None:
    post = create_post(session, author=create_user(session))
    headers = auth_headers(create_user(session))

    responses = at_once(
        app, [lambda c: c.post(f"/api/posts/{post.id}/like", headers=headers)] * ROUNDS
    )

    assert [r.status_code for r in responses] == [200] * ROUNDS
    assert count(session, Like) == 1
    assert count(session, Notification) == 1


def test_likes_and_unlikes_at_once_never_fail_and_the_count_stays_true(
    app: Flask, session: Session
) -> None:
    post = create_post(session, author=create_user(session))
    fans = [auth_headers(create_user(session)) for _ in range(ROUNDS)]
    url = f"/api/posts/{post.id}/like"

    def like(headers: dict[str, str]) -> Any:
        return lambda client: client.post(url, headers=headers)

    def unlike(headers: dict[str, str]) -> Any:
        return lambda client: client.delete(url, headers=headers)

    # Each fan likes and unlikes at the same moment: either may win.
    responses = at_once(app, [request(h) for h in fans for request in (like, unlike)])

    assert {r.status_code for r in responses} == {200}
    stored = count(session, Like)
    assert 0 <= stored <= ROUNDS
    assert session.scalar(select(func.count(Like.user_id)).where(Like.post_id == post.id)) == stored
    assert app.test_client().get(f"/api/posts/{post.id}").json["like_count"] == stored


def test_follows_and_unfollows_at_once_never_fail_and_the_counts_stay_true(
    app: Flask, session: Session
) -> None:
    create_user(session, username="ada")
    headers = auth_headers(create_user(session))
    url = "/api/users/ada/follow"

    responses = at_once(
        app,
        [lambda c: c.post(url, headers=headers), lambda c: c.delete(url, headers=headers)] * ROUNDS,
    )

    assert {r.status_code for r in responses} == {200}
    stored = count(session, Follow)
    assert stored in (0, 1)
    assert app.test_client().get("/api/users/ada").json["followers_count"] == stored
    assert count(session, Notification) == 1  # following again does not notify twice


def test_likes_and_comments_racing_the_post_s_deletion_are_200_201_or_404(
    app: Flask, session: Session
) -> None:
    author = create_user(session)
    post = create_post(session, author=author)
    readers = [auth_headers(create_user(session)) for _ in range(ROUNDS // 2)]
    url = f"/api/posts/{post.id}"

    def delete(client: FlaskClient) -> Any:
        return client.delete(url, headers=auth_headers(author))

    def like(headers: dict[str, str]) -> Any:
        return lambda client: client.post(f"{url}/like", headers=headers)

    def comment(headers: dict[str, str]) -> Any:
        body = {"body": "First!"}
        return lambda client: client.post(f"{url}/comments", json=body, headers=headers)

    requests = [delete] + [action(h) for h in readers for action in (like, comment)]
    statuses = [r.status_code for r in at_once(app, requests)]

    assert statuses[0] == 204
    assert set(statuses[1::2]) <= {200, 404}, statuses  # likes
    assert set(statuses[2::2]) <= {201, 404}, statuses  # comments
    # The post is gone, and nothing that pointed at it stayed behind.
    assert count(session, Post) == 0
    assert count(session, Like) == count(session, Comment) == count(session, Notification) == 0
