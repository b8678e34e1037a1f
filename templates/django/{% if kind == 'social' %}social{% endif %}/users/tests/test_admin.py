"""The admin site (/admin/) has working pages for every model of the social network."""

import pytest
from django.test import Client
from django.urls import reverse

from social.comments.tests.factories import CommentFactory
from social.follows.tests.factories import FollowFactory
from social.likes.tests.factories import LikeFactory
from social.notifications.tests.factories import NotificationFactory
from social.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MODELS = [
    "users_user",
    "follows_follow",
    "posts_post",
    "likes_like",
    "comments_comment",
    "notifications_notification",
]


@pytest.fixture
def admin_client_with_data(client: Client) -> Client:
    FollowFactory()
    LikeFactory()
    CommentFactory()
    NotificationFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_the_list_and_add_pages_should_open(admin_client_with_data: Client, model: str):
    for page in ("changelist", "add"):
        response = admin_client_with_data.get(reverse(f"admin:{model}_{page}"))
        assert response.status_code == 200, f"{model} {page}"


def test_a_post_page_should_show_its_comments_inline(admin_client_with_data: Client):
    comment = CommentFactory(body="An inline comment")

    response = admin_client_with_data.get(
        reverse("admin:posts_post_change", args=[comment.post_id])
    )

    assert response.status_code == 200
    assert "An inline comment" in response.text


def test_the_admin_should_be_closed_to_other_users(client: Client):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:posts_post_changelist"))

    assert response.status_code == 302  # to the admin's login page
