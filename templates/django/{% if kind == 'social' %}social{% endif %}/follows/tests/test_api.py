"""/api/users/<username>/follow, /followers and /following."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from social.follows.models import Follow
from social.follows.tests.factories import FollowFactory
from social.notifications.models import Notification
from social.users.models import User
from social.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def follow_url(username: str) -> str:
    return reverse("api:user-follow", args=[username])


def test_follow_should_store_it_notify_and_answer_the_profile(
    auth_client: APIClient, user: User, other_user: User
):
    response = auth_client.post(follow_url(other_user.username))

    assert response.status_code == 200
    assert response.json()["following"] is True
    assert response.json()["followers_count"] == 1
    assert Follow.objects.filter(follower=user, followed=other_user).exists()
    notification = Notification.objects.get()
    assert (notification.recipient, notification.actor, notification.type, notification.post) == (
        other_user,
        user,
        "follow",
        None,
    )


def test_following_again_should_change_nothing_and_notify_once(
    auth_client: APIClient, other_user: User
):
    for _ in range(2):
        auth_client.post(follow_url(other_user.username))
        auth_client.delete(follow_url(other_user.username))
    response = auth_client.post(follow_url(other_user.username))

    assert response.json()["followers_count"] == 1
    assert Follow.objects.count() == 1
    assert Notification.objects.count() == 1


def test_following_yourself_should_return_422(auth_client: APIClient, user: User):
    response = auth_client.post(follow_url(user.username))

    assert response.status_code == 422
    assert "errors" in response.json()
    assert not Follow.objects.exists()
    assert not Notification.objects.exists()


def test_following_an_unknown_user_should_return_404(auth_client: APIClient):
    assert auth_client.post(follow_url("nobody")).status_code == 404


@pytest.mark.parametrize("method", ["post", "delete"])
def test_following_should_need_a_token(api_client: APIClient, other_user: User, method: str):
    response = getattr(api_client, method)(follow_url(other_user.username))

    assert response.status_code == 401


def test_unfollow_should_be_idempotent(auth_client: APIClient, user: User, other_user: User):
    FollowFactory(follower=user, followed=other_user)

    for _ in range(2):
        response = auth_client.delete(follow_url(other_user.username))
        assert response.status_code == 200
        assert (response.json()["following"], response.json()["followers_count"]) == (False, 0)
    assert not Follow.objects.exists()


def test_followers_and_following_should_list_profiles_newest_first(api_client: APIClient):
    ada, grace, linus = (UserFactory(username=name) for name in ("ada", "grace", "linus"))
    FollowFactory(follower=grace, followed=ada)
    FollowFactory(follower=linus, followed=ada)
    FollowFactory(follower=ada, followed=linus)

    followers = api_client.get(reverse("api:user-followers", args=["ada"])).json()
    following = api_client.get(reverse("api:user-following", args=["ada"])).json()

    assert [p["username"] for p in followers["items"]] == ["linus", "grace"]
    assert followers["items"][0]["followers_count"] == 1  # linus is followed by ada
    assert [p["username"] for p in following["items"]] == ["linus"]


def test_follower_pages_should_not_repeat_or_skip_while_new_followers_arrive(
    api_client: APIClient, user: User
):
    fans = [FollowFactory(followed=user).follower.username for _ in range(5)]
    url = reverse("api:user-followers", args=[user.username])

    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api_client.get(url, params).json()
        seen += [p["username"] for p in page["items"]]
        FollowFactory(followed=user)  # a new follower arrives between pages
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == list(reversed(fans))


@pytest.mark.parametrize("which", ["api:user-followers", "api:user-following"])
def test_follow_lists_of_an_unknown_user_should_return_404(api_client: APIClient, which: str):
    assert api_client.get(reverse(which, args=["nobody"])).status_code == 404
