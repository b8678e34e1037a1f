"""Lists take the same number of queries for 1 item as for 20 (no N+1 queries)."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.social.accounts.models import User
from tests.query_counter import count_queries
from tests.social.factories import (
    auth_headers,
    create_comment,
    create_follow,
    create_like,
    create_notification,
    create_post,
    create_user,
)


def make_busy_network(session: Session, viewer: User, size: int) -> None:
    """`size` users the viewer follows, each with a liked, commented post and a notification."""
    for _ in range(size):
        author = create_user(session)
        create_follow(session, follower=viewer, followed=author)
        create_follow(session, follower=author, followed=viewer)
        post = create_post(session, author=author)
        create_like(session, user=viewer, post=post)
        create_comment(session, post=post, author=author)
        create_notification(session, recipient=viewer, actor=author, post=post)


def queries_for(client: FlaskClient, url: str, headers: dict[str, str]) -> int:
    with count_queries(client.application) as statements:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(statements)


LISTS = [
    "/api/feed",
    "/api/users/viewer/posts",
    "/api/users/viewer/followers",
    "/api/users/viewer/following",
    "/api/users?search=u",
    "/api/notifications",
]


@pytest.mark.parametrize("url", LISTS)
def test_list_query_count_does_not_grow_with_the_page(
    client: FlaskClient, session: Session, url: str
) -> None:
    viewer = create_user(session, username="viewer")
    create_post(session, author=viewer)
    make_busy_network(session, viewer, 1)
    headers = auth_headers(viewer)
    small = queries_for(client, url, headers)

    make_busy_network(session, viewer, 15)
    large = queries_for(client, url, headers)

    assert large == small


def test_comment_list_query_count_does_not_grow(client: FlaskClient, session: Session) -> None:
    viewer = create_user(session)
    post = create_post(session, author=viewer)
    create_comment(session, post=post, author=create_user(session))
    url = f"/api/posts/{post.id}/comments"
    small = queries_for(client, url, {})

    for _ in range(15):
        create_comment(session, post=post, author=create_user(session))

    assert queries_for(client, url, {}) == small
