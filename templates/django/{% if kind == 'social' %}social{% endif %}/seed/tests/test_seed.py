"""`make seed` (python manage.py seed): a network to try, and safe to run twice."""

import pytest
from django.core.management import call_command

from social.follows.models import Follow
from social.notifications.models import Notification
from social.posts.models import Post
from social.users.models import User

pytestmark = pytest.mark.django_db


def test_seed_should_create_users_who_follow_each_other_with_posts(capsys):
    call_command("seed")

    ada = User.objects.get(username="ada")
    assert ada.check_password("seed-password-123")
    assert ada.bio
    assert User.objects.count() == 4
    assert Follow.objects.filter(follower=ada).count() == 3
    assert Post.objects.count() == 6
    assert Notification.objects.filter(recipient=ada).exists()
    assert "Seeded 4 users" in capsys.readouterr().out


def test_seed_should_change_nothing_the_second_time(capsys):
    call_command("seed")
    counts = (User.objects.count(), Post.objects.count(), Notification.objects.count())

    call_command("seed")

    assert (User.objects.count(), Post.objects.count(), Notification.objects.count()) == counts
    assert "nothing to do" in capsys.readouterr().out
