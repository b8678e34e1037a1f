"""Posts: publish, read, delete, list a user's posts; likes."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.social.comments.models import Comment
from app.social.notifications.models import Notification
from app.social.posts.models import Like, Post
from tests.social.factories import (
    auth_headers,
    create_comment,
    create_like,
    create_notification,
    create_post,
    create_user,
)


def test_create_post_returns_201_with_the_post(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, username="ada", bio="Hi")

    response = client.post("/api/posts", json={"body": "Hello!"}, headers=auth_headers(ada))

    assert response.status_code == 201
    post = response.json
    assert post == {
        "id": post["id"],
        "body": "Hello!",
        "author": {"username": "ada", "bio": "Hi", "avatar_url": None},
        "like_count": 0,
        "comment_count": 0,
        "liked_by_me": False,
        "created_at": post["created_at"],
    }
    assert post["created_at"].endswith("Z")
    assert session.get(Post, post["id"]) is not None


def test_create_post_with_an_unpaired_surrogate_returns_422(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)

    response = client.post(
        "/api/posts",
        data=rb'{"body": "\ud800 half an emoji"}',
        headers={**auth_headers(ada), "Content-Type": "application/json"},
    )

    assert response.status_code == 422
    assert list(response.json["errors"]) == ["body"]
    assert session.scalar(select(func.count()).select_from(Post)) == 0


def test_post_body_is_stored_as_given_not_as_html(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    body = "  <script>alert('hi')</script> & friends  "

    response = client.post("/api/posts", json={"body": body}, headers=auth_headers(ada))

    assert response.json["body"] == body
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("body", ["x" * 280, "😀" * 280, "é" * 280])
def test_a_post_of_280_code_points_is_accepted(
    client: FlaskClient, session: Session, body: str
) -> None:
    ada = create_user(session)

    response = client.post("/api/posts", json={"body": body}, headers=auth_headers(ada))

    assert response.status_code == 201


@pytest.mark.parametrize("body", ["", "   \n\t ", "x" * 281, "😀" * 281])
def test_an_empty_or_too_long_post_returns_422(
    client: FlaskClient, session: Session, body: str
) -> None:
    ada = create_user(session)

    response = client.post("/api/posts", json={"body": body}, headers=auth_headers(ada))

    assert response.status_code == 422
    assert "body" in response.json["errors"]
    assert session.scalar(select(func.count(Post.id))) == 0


def test_create_post_needs_a_token(client: FlaskClient) -> None:
    assert client.post("/api/posts", json={"body": "Hi"}).status_code == 401


def test_read_post_shows_counts_and_my_like(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    post = create_post(session, author=ada)
    create_like(session, user=grace, post=post)
    create_comment(session, post=post, author=grace)

    anonymous = client.get(f"/api/posts/{post.id}").json
    as_grace = client.get(f"/api/posts/{post.id}", headers=auth_headers(grace)).json

    assert (anonymous["like_count"], anonymous["comment_count"]) == (1, 1)
    assert anonymous["liked_by_me"] is False
    assert as_grace["liked_by_me"] is True


def test_read_unknown_post_returns_404(client: FlaskClient) -> None:
    assert client.get("/api/posts/999999").status_code == 404


def test_an_id_beyond_the_integer_column_returns_404_not_500(client: FlaskClient) -> None:
    response = client.get(f"/api/posts/{2**31}")

    assert response.status_code == 404
    assert response.json["detail"] == "There is no post with this id."


def test_only_the_author_may_delete_a_post(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    post = create_post(session, author=ada)

    assert client.delete(f"/api/posts/{post.id}").status_code == 401
    assert client.delete(f"/api/posts/{post.id}", headers=auth_headers(grace)).status_code == 403
    assert session.get(Post, post.id) is not None


def test_deleting_a_post_removes_its_likes_comments_and_notifications(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)
    grace = create_user(session)
    post = create_post(session, author=ada)
    create_like(session, user=grace, post=post)
    create_comment(session, post=post, author=grace)
    create_notification(session, recipient=ada, actor=grace, post=post)

    response = client.delete(f"/api/posts/{post.id}", headers=auth_headers(ada))

    assert response.status_code == 204
    assert client.get(f"/api/posts/{post.id}").status_code == 404
    for model in (Like, Comment, Notification):
        assert session.scalar(select(func.count()).select_from(model)) == 0


def test_user_posts_are_listed_newest_first(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, username="ada")
    other = create_user(session)
    posts = [create_post(session, author=ada) for _ in range(3)]
    create_post(session, author=other)

    response = client.get("/api/users/ada/posts")

    assert [item["id"] for item in response.json["items"]] == [p.id for p in reversed(posts)]
    assert response.json["next_cursor"] is None


def test_user_posts_of_an_unknown_user_returns_404(client: FlaskClient) -> None:
    assert client.get("/api/users/nobody/posts").status_code == 404


def test_like_is_idempotent_and_counted_once(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    grace = create_user(session)
    post = create_post(session, author=ada)

    for _ in range(2):
        response = client.post(f"/api/posts/{post.id}/like", headers=auth_headers(grace))
        assert response.status_code == 200
        assert response.json["like_count"] == 1
        assert response.json["liked_by_me"] is True

    assert session.scalar(select(func.count()).select_from(Like)) == 1


def test_unlike_is_idempotent(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)
    create_like(session, user=ada, post=post)

    for _ in range(2):
        response = client.delete(f"/api/posts/{post.id}/like", headers=auth_headers(ada))
        assert response.status_code == 200
        assert (response.json["like_count"], response.json["liked_by_me"]) == (0, False)


def test_like_needs_a_token_and_an_existing_post(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)

    assert client.post(f"/api/posts/{post.id}/like").status_code == 401
    assert client.post("/api/posts/999999/like", headers=auth_headers(ada)).status_code == 404
