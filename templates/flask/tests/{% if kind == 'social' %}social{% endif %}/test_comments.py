"""Comments under a post, and who may delete them."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.social.comments.models import Comment
from tests.social.factories import auth_headers, create_comment, create_post, create_user


def test_add_comment_returns_201_with_the_comment(client: FlaskClient, session: Session) -> None:
    ada = create_user(session, username="ada")
    post = create_post(session, author=ada)

    response = client.post(
        f"/api/posts/{post.id}/comments", json={"body": "First!"}, headers=auth_headers(ada)
    )

    assert response.status_code == 201
    comment = response.json
    assert comment == {
        "id": comment["id"],
        "body": "First!",
        "author": {"username": "ada", "bio": None, "avatar_url": None},
        "post_id": post.id,
        "created_at": comment["created_at"],
    }
    assert session.get(Comment, comment["id"]) is not None


@pytest.mark.parametrize("body", ["", " \n ", "x" * 1001])
def test_an_empty_or_too_long_comment_returns_422(
    client: FlaskClient, session: Session, body: str
) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)

    response = client.post(
        f"/api/posts/{post.id}/comments", json={"body": body}, headers=auth_headers(ada)
    )

    assert response.status_code == 422
    assert "body" in response.json["errors"]


def test_a_comment_of_1000_characters_is_accepted(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)

    response = client.post(
        f"/api/posts/{post.id}/comments", json={"body": "ü" * 1000}, headers=auth_headers(ada)
    )

    assert response.status_code == 201


def test_commenting_needs_a_token_and_an_existing_post(
    client: FlaskClient, session: Session
) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)

    assert client.post(f"/api/posts/{post.id}/comments", json={"body": "x"}).status_code == 401
    missing = client.post(
        "/api/posts/999999/comments", json={"body": "x"}, headers=auth_headers(ada)
    )
    assert missing.status_code == 404


def test_comments_are_listed_oldest_first_in_pages(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    post = create_post(session, author=ada)
    comments = [create_comment(session, post=post, author=ada, body=f"c{n}") for n in range(5)]

    first = client.get(f"/api/posts/{post.id}/comments", query_string={"limit": 3}).json
    rest = client.get(
        f"/api/posts/{post.id}/comments", query_string={"limit": 3, "cursor": first["next_cursor"]}
    ).json

    ids = [item["id"] for item in first["items"] + rest["items"]]
    assert ids == [comment.id for comment in comments]
    assert rest["next_cursor"] is None


@pytest.mark.parametrize(("who", "status"), [("commenter", 204), ("post_author", 204)])
def test_the_comment_author_or_the_post_author_may_delete_a_comment(
    client: FlaskClient, session: Session, who: str, status: int
) -> None:
    people = {"post_author": create_user(session), "commenter": create_user(session)}
    post = create_post(session, author=people["post_author"])
    comment = create_comment(session, post=post, author=people["commenter"])

    comment_id = comment.id

    response = client.delete(f"/api/comments/{comment_id}", headers=auth_headers(people[who]))

    assert response.status_code == status
    session.expire_all()  # forget the copy this session holds; ask the database
    assert session.get(Comment, comment_id) is None


def test_nobody_else_may_delete_a_comment(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)
    stranger = create_user(session)
    post = create_post(session, author=ada)
    comment = create_comment(session, post=post, author=ada)

    assert client.delete(f"/api/comments/{comment.id}").status_code == 401
    response = client.delete(f"/api/comments/{comment.id}", headers=auth_headers(stranger))

    assert response.status_code == 403
    assert session.get(Comment, comment.id) is not None


def test_deleting_an_unknown_comment_returns_404(client: FlaskClient, session: Session) -> None:
    ada = create_user(session)

    assert client.delete("/api/comments/999999", headers=auth_headers(ada)).status_code == 404
