"""GET /api/feed, and the cursor pagination every list shares."""

import base64

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.follows.tests.factories import FollowFactory
from social.likes.tests.factories import LikeFactory
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db

FEED = reverse("api:feed")


def walk(client: APIClient, limit: int, between=None) -> list[int]:
    """Every post id of the feed, page by page; between() runs after each page."""
    ids, cursor = [], None
    while True:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get(FEED, params)
        assert response.status_code == 200
        ids += [post["id"] for post in response.json()["items"]]
        if between:
            between()
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return ids


def test_the_feed_should_hold_followed_and_own_posts_newest_first(
    auth_client: APIClient, user: User
):
    followed = FollowFactory(follower=user).followed
    mine = PostFactory(author=user)
    theirs = PostFactory(author=followed)
    PostFactory()  # not followed

    assert walk(auth_client, limit=20) == [theirs.pk, mine.pk]


def test_feed_items_should_carry_the_callers_like(auth_client: APIClient, user: User):
    liked, other = PostFactory(author=user), PostFactory(author=user)
    LikeFactory(post=liked, user=user)

    items = {p["id"]: p for p in auth_client.get(FEED).json()["items"]}

    assert (items[liked.pk]["liked_by_me"], items[liked.pk]["like_count"]) == (True, 1)
    assert (items[other.pk]["liked_by_me"], items[other.pk]["like_count"]) == (False, 0)


def test_walking_the_feed_should_never_repeat_or_skip_while_new_posts_arrive(
    auth_client: APIClient, user: User
):
    followed = FollowFactory(follower=user).followed
    existing = [PostFactory(author=followed if n % 2 else user).pk for n in range(7)]

    seen = walk(auth_client, limit=3, between=lambda: PostFactory(author=followed))

    assert seen == list(reversed(existing))


def test_the_limit_should_default_to_20(auth_client: APIClient, user: User):
    PostFactory.create_batch(21, author=user)

    page = auth_client.get(FEED).json()

    assert len(page["items"]) == 20
    assert page["next_cursor"] is not None


@pytest.mark.parametrize("limit", ["0", "101", "-1", "many"])
def test_a_limit_outside_1_to_100_should_return_422(auth_client: APIClient, limit: str):
    response = auth_client.get(FEED, {"limit": limit})

    assert response.status_code == 422
    assert "limit" in response.json()["errors"]


@pytest.mark.parametrize(
    "raw", [b"hello", b'{"x": 1}', b"[]", b'["not a time", 1]', b'["2026-01-01T00:00:00", 1]']
)
def test_a_malformed_cursor_should_return_422(auth_client: APIClient, raw: bytes):
    cursor = base64.urlsafe_b64encode(raw).decode()

    response = auth_client.get(FEED, {"cursor": cursor})

    assert response.status_code == 422
    assert "cursor" in response.json()["errors"]


def test_the_feed_should_need_a_token(api_client: APIClient):
    assert api_client.get(FEED).status_code == 401
