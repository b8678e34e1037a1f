"""Requests that race each other never end in a 500: the database keeps one
favourite per pair, one follow per pair, and a write on an article that is being
deleted finds it gone (404). Real threads, one connection each, as in a real server."""

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.blog.articles.models import Favorite
from app.blog.profiles.models import Follow
from tests.blog.factories import auth_headers, create_article, create_user

ROUNDS = 12


def at_once(app: Flask, requests: list[Any]) -> list[int]:
    """Send every request(client) at the same moment; their status codes."""
    start = threading.Barrier(len(requests))

    def run(request: Any) -> int:
        client = app.test_client()
        start.wait()
        status: int = request(client).status_code
        return status

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(run, requests))


def test_favourites_and_unfavourites_at_once_never_fail(app: Flask, session: Session) -> None:
    reader = create_user(session)
    article = create_article(session, author=create_user(session))
    url = f"/api/articles/{article.slug}/favorite"
    headers = auth_headers(reader)

    def favourite(client: FlaskClient) -> Any:
        return client.post(url, headers=headers)

    def unfavourite(client: FlaskClient) -> Any:
        return client.delete(url, headers=headers)

    statuses = at_once(app, [favourite, unfavourite] * ROUNDS)

    assert set(statuses) == {200}
    stored = session.scalar(select(func.count()).select_from(Favorite))
    assert stored in (0, 1)


def test_follows_and_unfollows_at_once_never_fail(app: Flask, session: Session) -> None:
    follower = create_user(session)
    followed = create_user(session)
    url = f"/api/profiles/{followed.username}/follow"
    headers = auth_headers(follower)

    def follow(client: FlaskClient) -> Any:
        return client.post(url, headers=headers)

    def unfollow(client: FlaskClient) -> Any:
        return client.delete(url, headers=headers)

    statuses = at_once(app, [follow, unfollow] * ROUNDS)

    assert set(statuses) == {200}
    assert session.scalar(select(func.count()).select_from(Follow)) in (0, 1)


def test_comments_and_favourites_racing_the_article_s_deletion_are_200_or_404(
    app: Flask, session: Session
) -> None:
    author = create_user(session)
    reader = create_user(session)
    article = create_article(session, author=author)
    base = f"/api/articles/{article.slug}"

    def delete(client: FlaskClient) -> Any:
        return client.delete(base, headers=auth_headers(author))

    def comment(client: FlaskClient) -> Any:
        body = {"comment": {"body": "First!"}}
        return client.post(f"{base}/comments", json=body, headers=auth_headers(reader))

    def favourite(client: FlaskClient) -> Any:
        return client.post(f"{base}/favorite", headers=auth_headers(reader))

    statuses = at_once(app, [delete] + [comment, favourite] * (ROUNDS // 2))

    assert statuses[0] == 204
    assert set(statuses[1:]) <= {200, 404}
