"""One like per user per post, even when the same like arrives many times at once.

Real threads send real requests at the same time; each request gets its own
database connection, as with a real server. This holds on SQLite (BEGIN
IMMEDIATE) and on PostgreSQL (the primary key refuses the second insert).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.social.notifications.models import Notification
from app.social.posts.models import Like
from tests.social.factories import auth_headers, create_post, create_user

REQUESTS = 8


def test_concurrent_likes_by_one_user_count_once_and_notify_once(
    app: FastAPI, session: Session
) -> None:
    ada = create_user(session)
    grace = create_user(session)
    post = create_post(session, author=ada)
    headers = auth_headers(grace)
    start = threading.Barrier(REQUESTS)

    def like(_: int) -> int:
        with TestClient(app) as client:
            start.wait()  # every request leaves at the same moment
            return client.post(f"/api/posts/{post.id}/like", headers=headers).status_code

    with ThreadPoolExecutor(REQUESTS) as pool:
        statuses = list(pool.map(like, range(REQUESTS)))

    assert statuses == [200] * REQUESTS
    assert session.scalar(select(func.count()).select_from(Like)) == 1
    assert session.scalar(select(func.count(Notification.id))) == 1


def test_concurrent_follows_create_one_follow(app: FastAPI, session: Session) -> None:
    create_user(session, username="ada")
    grace = create_user(session)
    headers = auth_headers(grace)
    start = threading.Barrier(REQUESTS)

    def follow(_: int) -> int:
        with TestClient(app) as client:
            start.wait()
            response = client.post("/api/users/ada/follow", headers=headers)
            return response.status_code

    with ThreadPoolExecutor(REQUESTS) as pool:
        statuses = list(pool.map(follow, range(REQUESTS)))

    assert statuses == [200] * REQUESTS
    assert session.scalar(select(func.count(Notification.id))) == 1
