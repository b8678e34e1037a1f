"""GET and POST /api/articles/{slug}/comments, DELETE /api/articles/{slug}/comments/{id}."""

import re

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.blog.comments.models import Comment
from tests.blog.factories import (
    auth_headers,
    create_article,
    create_comment,
    create_follow,
    create_user,
)

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def test_add_comment_returns_it_and_stores_it(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    reader = create_user(session, username="reader")

    response = client.post(
        f"/api/articles/{article.slug}/comments",
        headers=auth_headers(reader),
        json={"comment": {"body": "Great read"}},
    )

    assert response.status_code == 200
    comment = response.json["comment"]
    assert comment["body"] == "Great read"
    assert comment["author"]["username"] == "reader"
    assert TIMESTAMP.match(comment["createdAt"]) and TIMESTAMP.match(comment["updatedAt"])
    stored = session.get(Comment, comment["id"])
    assert stored is not None and stored.body == "Great read"


def test_add_comment_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))

    response = client.post(
        f"/api/articles/{article.slug}/comments", json={"comment": {"body": "Hi"}}
    )

    assert response.status_code == 401


def test_add_comment_to_unknown_article_returns_404(client: FlaskClient, session: Session) -> None:
    reader = create_user(session)

    response = client.post(
        "/api/articles/nope/comments",
        headers=auth_headers(reader),
        json={"comment": {"body": "Hi"}},
    )

    assert response.status_code == 404


def test_add_empty_comment_returns_422(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    reader = create_user(session)

    response = client.post(
        f"/api/articles/{article.slug}/comments",
        headers=auth_headers(reader),
        json={"comment": {"body": "   "}},
    )

    assert response.status_code == 422
    assert "body" in response.json["errors"]


def test_list_comments_newest_first_with_follow_flags(
    client: FlaskClient, session: Session
) -> None:
    author = create_user(session)
    article = create_article(session, author=author)
    followed = create_user(session, username="followed")
    stranger = create_user(session, username="stranger")
    viewer = create_user(session)
    create_follow(session, follower=viewer, followed=followed)
    create_comment(session, article=article, author=followed, body="first")
    create_comment(session, article=article, author=stranger, body="second")

    response = client.get(f"/api/articles/{article.slug}/comments", headers=auth_headers(viewer))

    assert response.status_code == 200
    comments = response.json["comments"]
    assert [c["body"] for c in comments] == ["second", "first"]
    assert [c["author"]["following"] for c in comments] == [False, True]


def test_list_comments_anonymously(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    create_comment(session, article=article, author=create_user(session))

    response = client.get(f"/api/articles/{article.slug}/comments")

    assert response.status_code == 200
    assert len(response.json["comments"]) == 1


def test_list_comments_of_unknown_article_returns_404(client: FlaskClient) -> None:
    assert client.get("/api/articles/nope/comments").status_code == 404


def test_delete_own_comment_returns_204_and_removes_it(
    client: FlaskClient, session: Session
) -> None:
    article = create_article(session, author=create_user(session))
    commenter = create_user(session)
    comment_id = create_comment(session, article=article, author=commenter).id

    response = client.delete(
        f"/api/articles/{article.slug}/comments/{comment_id}", headers=auth_headers(commenter)
    )

    assert response.status_code == 204
    assert response.data == b""
    session.expire_all()
    assert session.get(Comment, comment_id) is None


def test_delete_comment_by_non_author_returns_403(client: FlaskClient, session: Session) -> None:
    article_author = create_user(session)
    article = create_article(session, author=article_author)
    comment = create_comment(session, article=article, author=create_user(session))

    # Not even the article's author may delete someone else's comment.
    response = client.delete(
        f"/api/articles/{article.slug}/comments/{comment.id}", headers=auth_headers(article_author)
    )

    assert response.status_code == 403
    session.expire_all()
    assert session.get(Comment, comment.id) is not None


def test_delete_comment_without_token_returns_401(client: FlaskClient, session: Session) -> None:
    article = create_article(session, author=create_user(session))
    comment = create_comment(session, article=article, author=create_user(session))

    response = client.delete(f"/api/articles/{article.slug}/comments/{comment.id}")

    assert response.status_code == 401


def test_delete_unknown_comment_returns_404(client: FlaskClient, session: Session) -> None:
    user = create_user(session)
    article = create_article(session, author=user)

    response = client.delete(
        f"/api/articles/{article.slug}/comments/999999", headers=auth_headers(user)
    )

    assert response.status_code == 404


def test_delete_comment_through_another_article_returns_404(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    article = create_article(session, author=user)
    other_article = create_article(session, author=user)
    comment = create_comment(session, article=article, author=user)

    response = client.delete(
        f"/api/articles/{other_article.slug}/comments/{comment.id}", headers=auth_headers(user)
    )

    assert response.status_code == 404


def test_delete_comment_with_non_numeric_id_returns_422(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    article = create_article(session, author=user)

    response = client.delete(
        f"/api/articles/{article.slug}/comments/abc", headers=auth_headers(user)
    )

    assert response.status_code == 422
