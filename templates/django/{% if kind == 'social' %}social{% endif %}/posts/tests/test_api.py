"""/api/posts, /api/posts/<id> and /api/users/<username>/posts."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.comments.models import Comment
from social.comments.tests.factories import CommentFactory
from social.likes.models import Like
from social.likes.tests.factories import LikeFactory
from social.notifications.models import Notification
from social.posts.models import Post
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db

CREATE = reverse("api:post-list")


def detail_url(post_id: int | str) -> str:
    return f"{CREATE}/{post_id}"


def test_publishing_should_store_the_post_and_answer_201(auth_client: APIClient, user: User):
    response = auth_client.post(CREATE, {"body": "Hello, network!"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert body == {
        "id": body["id"],
        "body": "Hello, network!",
        "author": {"username": user.username, "bio": None, "avatar_url": None},
        "like_count": 0,
        "comment_count": 0,
        "liked_by_me": False,
        "created_at": body["created_at"],
    }
    assert body["created_at"].endswith("Z")
    assert Post.objects.get().author == user


def test_a_post_with_an_unpaired_surrogate_should_answer_422(auth_client: APIClient):
    # Half of a UTF-16 pair: valid JSON, but no character UTF-8 (or a database) can hold.
    response = auth_client.post(
        CREATE, b'{"body": "\\ud800 half an emoji"}', content_type="application/json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["body"]
    assert not Post.objects.exists()


@pytest.mark.parametrize("body", ["x" * 280, "😀" * 280, "  <b>as given</b>  "])
def test_a_post_of_280_code_points_should_be_stored_as_given(auth_client: APIClient, body: str):
    response = auth_client.post(CREATE, {"body": body}, format="json")

    assert response.status_code == 201
    assert Post.objects.get().body == body


@pytest.mark.parametrize("body", ["", " ", "\u3000\u00a0\n", "x" * 281, "😀" * 281, None])
def test_an_empty_blank_or_too_long_post_should_return_422(auth_client: APIClient, body):
    response = auth_client.post(CREATE, {"body": body}, format="json")

    assert response.status_code == 422
    assert "body" in response.json()["errors"]
    assert not Post.objects.exists()


def test_a_malformed_json_body_should_return_422(auth_client: APIClient):
    response = auth_client.post(CREATE, '{"body": ', content_type="application/json")

    assert response.status_code == 422
    assert response.json()["errors"]


def test_publishing_should_need_a_token(api_client: APIClient):
    assert api_client.post(CREATE, {"body": "anonymous"}, format="json").status_code == 401


def test_anyone_may_read_a_post(api_client: APIClient):
    post = PostFactory()

    response = api_client.get(detail_url(post.pk))

    assert response.status_code == 200
    assert (response.json()["id"], response.json()["body"]) == (post.pk, post.body)


@pytest.mark.parametrize(("post_id", "status"), [("12345", 404), ("9" * 20, 422), ("abc", 404)])
def test_an_unknown_or_impossible_post_id_should_return_404_or_422(
    api_client: APIClient, post_id: str, status: int
):
    response = api_client.get(detail_url(post_id))

    assert response.status_code == status
    assert response.headers["Content-Type"] == "application/problem+json"


def test_deleting_should_take_the_likes_comments_and_notifications_with_it(
    auth_client: APIClient, user: User, other_user: User
):
    post = PostFactory(author=user)
    LikeFactory(post=post, user=other_user)
    CommentFactory(post=post, author=other_user)
    Notification.objects.create(recipient=user, actor=other_user, type="like", post=post)

    response = auth_client.delete(detail_url(post.pk))

    assert response.status_code == 204
    assert not response.content
    assert not Post.objects.exists()
    assert not Like.objects.exists()
    assert not Comment.objects.exists()
    assert not Notification.objects.exists()


def test_only_the_author_may_delete_a_post(api_client: APIClient, other_client: APIClient):
    post = PostFactory()

    assert api_client.delete(detail_url(post.pk)).status_code == 401
    assert other_client.delete(detail_url(post.pk)).status_code == 403
    assert Post.objects.filter(pk=post.pk).exists()


def test_a_users_posts_should_be_listed_newest_first_a_page_at_a_time(
    api_client: APIClient, user: User
):
    mine = [PostFactory(author=user).pk for _ in range(3)]
    PostFactory()  # someone else's
    url = reverse("api:user-posts", args=[user.username])

    first = api_client.get(url, {"limit": 2}).json()
    PostFactory(author=user)  # arrives between the pages: not on page 2
    second = api_client.get(url, {"limit": 2, "cursor": first["next_cursor"]}).json()

    assert [p["id"] for p in first["items"] + second["items"]] == list(reversed(mine))
    assert second["next_cursor"] is None


def test_posts_of_an_unknown_user_should_return_404(api_client: APIClient):
    assert api_client.get(reverse("api:user-posts", args=["nobody"])).status_code == 404
