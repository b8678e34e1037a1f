"""GET /api/notifications and POST /api/notifications/read."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.notifications.models import Notification
from social.notifications.tests.factories import NotificationFactory
from social.posts.tests.factories import PostFactory
from social.users.models import User

pytestmark = pytest.mark.django_db

LIST = reverse("api:notification-list")
READ = reverse("api:notification-read")


def test_the_list_should_show_ones_notifications_newest_first_with_the_unread_count(
    auth_client: APIClient, user: User
):
    post = PostFactory(author=user)
    follow = NotificationFactory(recipient=user)
    like = NotificationFactory(recipient=user, type="like", post=post, read=True)
    NotificationFactory()  # someone else's

    page = auth_client.get(LIST).json()

    assert [n["id"] for n in page["items"]] == [like.pk, follow.pk]
    assert page["items"][0] == {
        "id": like.pk,
        "type": "like",
        "actor": {"username": like.actor.username, "bio": None, "avatar_url": None},
        "post_id": post.pk,
        "read": True,
        "created_at": page["items"][0]["created_at"],
    }
    assert page["items"][1]["post_id"] is None
    assert (page["unread_count"], page["next_cursor"]) == (1, None)


def test_notification_pages_should_not_repeat_or_skip_while_new_ones_arrive(
    auth_client: APIClient, user: User
):
    existing = [NotificationFactory(recipient=user).pk for _ in range(5)]
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = auth_client.get(LIST, params).json()
        seen += [n["id"] for n in page["items"]]
        NotificationFactory(recipient=user)
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == list(reversed(existing))


def test_marking_some_read_by_id_should_leave_the_others(auth_client: APIClient, user: User):
    first, _, third = (NotificationFactory(recipient=user) for _ in range(3))

    response = auth_client.post(READ, {"ids": [first.pk, third.pk]}, format="json")

    assert response.status_code == 204
    read = set(Notification.objects.filter(read=True).values_list("pk", flat=True))
    assert read == {first.pk, third.pk}
    assert auth_client.get(LIST).json()["unread_count"] == 1


def test_marking_all_read(auth_client: APIClient, user: User):
    NotificationFactory.create_batch(3, recipient=user)

    assert auth_client.post(READ, {"all": True}, format="json").status_code == 204
    assert auth_client.get(LIST).json()["unread_count"] == 0


def test_nobody_can_mark_someone_elses_notifications_read(auth_client: APIClient):
    theirs = NotificationFactory()

    auth_client.post(READ, {"ids": [theirs.pk]}, format="json")
    auth_client.post(READ, {"all": True}, format="json")

    theirs.refresh_from_db()
    assert theirs.read is False


@pytest.mark.parametrize(
    "body", [{}, {"all": False}, {"ids": ["x"]}, {"ids": [0]}, {"ids": [2**63]}]
)
def test_marking_read_should_return_422_without_valid_ids_or_all(auth_client: APIClient, body):
    response = auth_client.post(READ, body, format="json")

    assert response.status_code == 422
    assert response.json()["errors"]


def test_notifications_should_need_a_token(api_client: APIClient):
    assert api_client.get(LIST).status_code == 401
    assert api_client.post(READ, {"all": True}, format="json").status_code == 401
