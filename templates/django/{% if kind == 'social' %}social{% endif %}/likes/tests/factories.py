import factory
from factory.django import DjangoModelFactory

from social.likes.models import Like
from social.posts.tests.factories import PostFactory
from social.users.tests.factories import UserFactory


class LikeFactory(DjangoModelFactory):
    class Meta:
        model = Like

    user = factory.SubFactory(UserFactory)
    post = factory.SubFactory(PostFactory)
