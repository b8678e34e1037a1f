"""/api/profiles/<username> and /api/profiles/<username>/follow."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from blog.profiles.models import Follow
from blog.profiles.tests.factories import FollowFactory
from blog.users.models import User

pytestmark = pytest.mark.django_db


def profile_url(username: str) -> str:
    return reverse("api:profile-detail", args=[username])


def follow_url(username: str) -> str:
    return reverse("api:profile-follow", args=[username])


def test_profile_should_show_the_public_fields_to_anyone(api_client: APIClient, user: User):
    response = api_client.get(profile_url(user.username))

    assert response.status_code == 200
    assert response.json() == {
        "profile": {
            "username": user.username,
            "bio": user.bio,
            "image": None,
            "following": False,
        }
    }


def test_profile_should_say_whether_the_caller_follows(
    auth_client: APIClient, user: User, other_user: User
):
    FollowFactory(follower=user, followed=other_user)

    response = auth_client.get(profile_url(other_user.username))

    assert response.json()["profile"]["following"] is True


def test_profile_should_return_404_for_an_unknown_username(api_client: APIClient):
    response = api_client.get(profile_url("nobody"))

    assert response.status_code == 404
    assert response.json() == {"errors": {"profile": ["profile not found"]}}


def test_follow_should_store_the_follow_once(auth_client: APIClient, user: User, other_user: User):
    first = auth_client.post(follow_url(other_user.username))
    again = auth_client.post(follow_url(other_user.username))

    assert first.status_code == again.status_code == 200
    assert first.json()["profile"]["following"] is True
    assert Follow.objects.filter(follower=user, followed=other_user).count() == 1


def test_unfollow_should_delete_the_follow(auth_client: APIClient, user: User, other_user: User):
    FollowFactory(follower=user, followed=other_user)

    response = auth_client.delete(follow_url(other_user.username))

    assert response.status_code == 200
    assert response.json()["profile"]["following"] is False
    assert not Follow.objects.exists()


def test_following_oneself_should_return_422(auth_client: APIClient, user: User):
    response = auth_client.post(follow_url(user.username))

    assert response.status_code == 422
    assert not Follow.objects.exists()


@pytest.mark.parametrize("method", ["post", "delete"])
def test_follow_should_return_401_without_a_token(
    api_client: APIClient, other_user: User, method: str
):
    response = getattr(api_client, method)(follow_url(other_user.username))

    assert response.status_code == 401
    assert not Follow.objects.exists()


def test_follow_should_return_404_for_an_unknown_username(auth_client: APIClient):
    assert auth_client.post(follow_url("nobody")).status_code == 404
