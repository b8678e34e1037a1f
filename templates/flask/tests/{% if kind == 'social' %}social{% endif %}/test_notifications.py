"""Notifications: who is told what, never twice, never of one's own actions; marking read."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.social.accounts.models import User
from tests.social.factories import (
    auth_headers,
    create_notification,
    create_post,
    create_user,
)


def notifications(client: FlaskClient, user: User) -> dict[str, object]:
    response = client.get("/api/notifications", headers=auth_headers(user))
    assert response.status_code == 200
    body: dict[str, object] = response.get_json()
    return body


def test_follow_like_and_comment_notify_the_other_user(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada")
    grace = create_user(session, username="grace")
    post = create_post(session, author=ada)
    headers = auth_headers(grace)

    client.post("/api/users/ada/follow", headers=headers)
    client.post(f"/api/posts/{post.id}/like", headers=headers)
    client.post(f"/api/posts/{post.id}/comments", json={"body": "Hi"}, headers=headers)

    body = notifications(client, ada)
    items = body["items"]
    assert isinstance(items, list)
    assert [(i["type"], i["post_id"], i["read"]) for i in items] == [
        ("comment", post.id, False),
        ("like", post.id, False),
        ("follow", None, False),
    ]
    assert items[0]["actor"] == {"username": "grace", "bio": None, "avatar_url": None}
    assert body["unread_count"] == 3
    assert body["next_cursor"] is None


def test_nobody_is_notified_of_their_own_actions(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)
    headers = auth_headers(ada)

    client.post(f"/api/posts/{post.id}/like", headers=headers)
    client.post(f"/api/posts/{post.id}/comments", json={"body": "Me"}, headers=headers)

    assert notifications(client, ada)["items"] == []


def test_liking_or_following_again_does_not_notify_twice(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session, username="ada")
    grace = create_user(session)
    post = create_post(session, author=ada)
    headers = auth_headers(grace)

    for _ in range(2):
        client.post("/api/users/ada/follow", headers=headers)
        client.delete("/api/users/ada/follow", headers=headers)
        client.post(f"/api/posts/{post.id}/like", headers=headers)
        client.delete(f"/api/posts/{post.id}/like", headers=headers)

    assert notifications(client, ada)["unread_count"] == 2


def test_notifications_need_a_token(client: FlaskClient) -> None:
    assert client.get("/api/notifications").status_code == 401
    assert client.post("/api/notifications/read", json={"all": True}).status_code == 401


def test_mark_read_by_ids_only_touches_your_own(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    mine = [create_notification(session, recipient=ada, actor=grace) for _ in range(2)]
    theirs = create_notification(session, recipient=grace, actor=ada)

    response = client.post(
        "/api/notifications/read",
        json={"ids": [mine[0].id, theirs.id]},
        headers=auth_headers(ada),
    )

    assert response.status_code == 204
    assert notifications(client, ada)["unread_count"] == 1
    assert notifications(client, grace)["unread_count"] == 1


def test_mark_all_read(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    for _ in range(3):
        create_notification(session, recipient=ada, actor=grace)

    response = client.post("/api/notifications/read", json={"all": True}, headers=auth_headers(ada))

    assert response.status_code == 204
    body = notifications(client, ada)
    assert body["unread_count"] == 0
    items = body["items"]
    assert isinstance(items, list)
    assert all(item["read"] for item in items)


def test_mark_read_without_ids_or_all_returns_422(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)

    response = client.post("/api/notifications/read", json={}, headers=auth_headers(ada))

    assert response.status_code == 422


def test_notifications_page_with_a_cursor(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    created = [create_notification(session, recipient=ada, actor=grace) for _ in range(5)]
    headers = auth_headers(ada)

    first = client.get("/api/notifications", query_string={"limit": 2}, headers=headers).json
    second = client.get(
        "/api/notifications",
        query_string={"limit": 10, "cursor": first["next_cursor"]},
        headers=headers,
    ).json

    ids = [item["id"] for item in first["items"] + second["items"]]
    assert ids == [notification.id for notification in reversed(created)]
