"""POST and DELETE /api/posts/<id>/like."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.likes.models import Like
from social.likes.tests.factories import LikeFactory
from social.notifications.models import Notification
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db


def like_url(post_id: int) -> str:
    return reverse("api:post-like", args=[post_id])


def test_like_should_count_it_notify_the_author_and_answer_the_post(
    auth_client: APIClient, user: User
):
    post = PostFactory()

    response = auth_client.post(like_url(post.pk))

    assert response.status_code == 200
    assert (response.json()["like_count"], response.json()["liked_by_me"]) == (1, True)
    assert Like.objects.filter(user=user, post=post).exists()
    notification = Notification.objects.get()
    assert (notification.recipient, notification.actor, notification.type) == (
        post.author,
        user,
        "like",
    )
    assert notification.post == post


def test_liking_again_should_count_once_and_notify_once(auth_client: APIClient):
    post = PostFactory()

    for _ in range(2):
        auth_client.post(like_url(post.pk))
        auth_client.delete(like_url(post.pk))
    response = auth_client.post(like_url(post.pk))

    assert response.json()["like_count"] == 1
    assert Like.objects.count() == 1
    assert Notification.objects.count() == 1


def test_liking_your_own_post_should_not_notify(auth_client: APIClient, user: User):
    post = PostFactory(author=user)

    assert auth_client.post(like_url(post.pk)).status_code == 200
    assert not Notification.objects.exists()


def test_unlike_should_be_idempotent(auth_client: APIClient, user: User):
    post = PostFactory()
    LikeFactory(post=post, user=user)
    LikeFactory(post=post)

    for _ in range(2):
        response = auth_client.delete(like_url(post.pk))
        assert response.status_code == 200
        assert (response.json()["like_count"], response.json()["liked_by_me"]) == (1, False)


def test_liking_should_need_a_token_and_an_existing_post(
    api_client: APIClient, auth_client: APIClient
):
    post = PostFactory()

    assert api_client.post(like_url(post.pk)).status_code == 401
    assert auth_client.post(like_url(post.pk + 1)).status_code == 404
    assert auth_client.post(f"/api/posts/{'9' * 20}/like").status_code == 422
    assert not Like.objects.exists()
