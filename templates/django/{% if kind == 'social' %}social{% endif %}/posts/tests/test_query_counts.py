"""Lists cost the same number of queries for 1 item or 20 (no N+1).

With force_authenticate there is no token to look up, so the numbers are the
queries of the endpoint itself.
"""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.comments.tests.factories import CommentFactory
from social.follows.tests.factories import FollowFactory
from social.likes.tests.factories import LikeFactory
from social.notifications.tests.factories import NotificationFactory
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_size", [1, 20])
def test_the_feed_should_use_one_query_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    for _ in range(page_size):
        post = PostFactory(author=FollowFactory(follower=user).followed)
        LikeFactory(post=post)
        CommentFactory(post=post)

    with django_assert_num_queries(1):  # the page, with authors, counts and flags
        response = auth_client.get(reverse("api:feed"), {"limit": page_size})

    assert len(response.json()["items"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_a_users_posts_should_use_two_queries_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    PostFactory.create_batch(page_size, author=user)

    with django_assert_num_queries(2):  # the user, then the page
        response = auth_client.get(reverse("api:user-posts", args=[user.username]))

    assert len(response.json()["items"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_follower_lists_should_use_two_queries_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    FollowFactory.create_batch(page_size, followed=user)

    with django_assert_num_queries(2):  # the user, then the page with counts and flags
        response = auth_client.get(reverse("api:user-followers", args=[user.username]))

    assert len(response.json()["items"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_comment_lists_should_use_two_queries_whatever_the_page_size(
    api_client: APIClient, django_assert_num_queries, page_size: int
):
    post = PostFactory()
    CommentFactory.create_batch(page_size, post=post)

    with django_assert_num_queries(2):  # the post, then the page with authors
        response = api_client.get(reverse("api:post-comments", args=[post.pk]))

    assert len(response.json()["items"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_notifications_should_use_two_queries_whatever_the_page_size(
    auth_client: APIClient, user: User, django_assert_num_queries, page_size: int
):
    NotificationFactory.create_batch(page_size, recipient=user)

    with django_assert_num_queries(2):  # the page with actors, then the unread count
        response = auth_client.get(reverse("api:notification-list"))

    assert len(response.json()["items"]) == page_size
