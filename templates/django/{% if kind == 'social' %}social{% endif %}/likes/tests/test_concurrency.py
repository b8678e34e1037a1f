"""One like per user per post, even when the same like arrives many times at once.

Real threads send the requests at the same moment, each with its own database
connection, as a real server's threads would. transaction=True: the test's data
is committed (not held in a transaction the other connections cannot see). This
holds on PostgreSQL (the unique constraint) and on SQLite (BEGIN IMMEDIATE: the test
database is a file there, see config/settings/test.py).
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from rest_framework.test import APIClient

from social.likes.models import Like
from social.notifications.models import Notification
from social.posts.tests.factories import PostFactory
from social.users.tests.factories import UserFactory

REQUESTS = 8

pytestmark = pytest.mark.django_db(transaction=True)


def send_at_once(path: str, user: object) -> list[int]:
    start = threading.Barrier(REQUESTS)

    def send(_: int) -> int:
        client = APIClient()
        client.force_authenticate(user=user)
        try:
            start.wait()  # every request leaves at the same moment
            return client.post(path).status_code
        finally:
            connections.close_all()  # this thread's connection

    with ThreadPoolExecutor(REQUESTS) as pool:
        return list(pool.map(send, range(REQUESTS)))


def test_concurrent_likes_by_one_user_should_count_once_and_notify_once():
    post = PostFactory()
    fan = UserFactory()

    statuses = send_at_once(f"/api/posts/{post.pk}/like", fan)

    assert statuses == [200] * REQUESTS
    assert Like.objects.filter(post=post).count() == 1
    assert Notification.objects.filter(type="like").count() == 1


def test_concurrent_follows_should_create_one_follow_and_one_notification():
    ada = UserFactory(username="ada")
    fan = UserFactory()

    statuses = send_at_once("/api/users/ada/follow", fan)

    assert statuses == [200] * REQUESTS
    assert ada.followed_by.count() == 1
    assert Notification.objects.filter(type="follow").count() == 1
