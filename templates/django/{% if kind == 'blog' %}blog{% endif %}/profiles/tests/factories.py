import factory
from factory.django import DjangoModelFactory

from blog.profiles.models import Follow
from blog.users.tests.factories import UserFactory


class FollowFactory(DjangoModelFactory):
    class Meta:
        model = Follow

    follower = factory.SubFactory(UserFactory)
    followed = factory.SubFactory(UserFactory)
