import factory
from factory.django import DjangoModelFactory

from social.follows.models import Follow
from social.users.tests.factories import UserFactory


class FollowFactory(DjangoModelFactory):
    class Meta:
        model = Follow

    follower = factory.SubFactory(UserFactory)
    followed = factory.SubFactory(UserFactory)
