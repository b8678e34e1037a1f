"""/api/posts/<id>/comments and /api/comments/<id>."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.comments.models import Comment
from social.comments.tests.factories import CommentFactory
from social.notifications.models import Notification
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db


def list_url(post_id: int) -> str:
    return reverse("api:post-comments", args=[post_id])


def detail_url(comment_id: int) -> str:
    return reverse("api:comment-detail", args=[comment_id])


def test_commenting_should_store_it_notify_and_answer_201(auth_client: APIClient, user: User):
    post = PostFactory()

    response = auth_client.post(list_url(post.pk), {"body": "Nice!"}, format="json")

    assert response.status_code == 201
    body = response.json()
    assert (body["body"], body["post_id"], body["author"]["username"]) == (
        "Nice!",
        post.pk,
        user.username,
    )
    assert Comment.objects.get().author == user
    assert Notification.objects.get().type == "comment"
    assert auth_client.get(f"/api/posts/{post.pk}").json()["comment_count"] == 1


def test_every_comment_should_notify_but_not_on_your_own_post(auth_client: APIClient, user: User):
    theirs, mine = PostFactory(), PostFactory(author=user)

    for post in (theirs, theirs, mine):
        auth_client.post(list_url(post.pk), {"body": "again"}, format="json")

    assert Notification.objects.filter(recipient=theirs.author).count() == 2
    assert not Notification.objects.filter(recipient=user).exists()


@pytest.mark.parametrize("body", ["x" * 1000, "😀" * 1000])
def test_a_comment_of_1000_code_points_should_be_accepted(auth_client: APIClient, body: str):
    response = auth_client.post(list_url(PostFactory().pk), {"body": body}, format="json")

    assert response.status_code == 201


@pytest.mark.parametrize("body", ["", "  \t ", "x" * 1001])
def test_an_empty_or_too_long_comment_should_return_422(auth_client: APIClient, body: str):
    response = auth_client.post(list_url(PostFactory().pk), {"body": body}, format="json")

    assert response.status_code == 422
    assert "body" in response.json()["errors"]
    assert not Comment.objects.exists()


def test_commenting_should_need_a_token_and_an_existing_post(
    api_client: APIClient, auth_client: APIClient
):
    post = PostFactory()

    assert api_client.post(list_url(post.pk), {"body": "x"}, format="json").status_code == 401
    assert auth_client.post(list_url(post.pk + 1), {"body": "x"}, format="json").status_code == 404


def test_comments_should_be_listed_oldest_first_a_page_at_a_time(api_client: APIClient):
    post = PostFactory()
    comments = [CommentFactory(post=post).pk for _ in range(3)]
    CommentFactory()  # under another post

    first = api_client.get(list_url(post.pk), {"limit": 2}).json()
    second = api_client.get(list_url(post.pk), {"limit": 2, "cursor": first["next_cursor"]}).json()

    assert [c["id"] for c in first["items"] + second["items"]] == comments
    assert second["next_cursor"] is None


def test_comments_of_an_unknown_post_should_return_404(api_client: APIClient):
    assert api_client.get(list_url(12345)).status_code == 404


def test_the_comment_author_may_delete_it(auth_client: APIClient, user: User):
    comment = CommentFactory(author=user)

    assert auth_client.delete(detail_url(comment.pk)).status_code == 204
    assert not Comment.objects.exists()


def test_the_post_author_may_delete_anyones_comment_under_it(auth_client: APIClient, user: User):
    comment = CommentFactory(post=PostFactory(author=user))

    assert auth_client.delete(detail_url(comment.pk)).status_code == 204
    assert not Comment.objects.exists()


def test_nobody_else_may_delete_a_comment(api_client: APIClient, other_client: APIClient):
    comment = CommentFactory()

    assert api_client.delete(detail_url(comment.pk)).status_code == 401
    assert other_client.delete(detail_url(comment.pk)).status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_a_commenter_may_not_delete_other_comments_under_the_same_post(
    auth_client: APIClient, user: User
):
    post = PostFactory()
    CommentFactory(post=post, author=user)
    theirs = CommentFactory(post=post)

    assert auth_client.delete(detail_url(theirs.pk)).status_code == 403


def test_deleting_a_gone_or_impossible_comment_should_return_404_or_422(auth_client: APIClient):
    assert auth_client.delete(detail_url(12345)).status_code == 404
    assert auth_client.delete(f"/api/comments/{'9' * 20}").status_code == 422
