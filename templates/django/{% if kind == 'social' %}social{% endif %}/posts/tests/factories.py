import factory
from factory.django import DjangoModelFactory

from social.posts.models import Post
from social.users.tests.factories import UserFactory


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    body = factory.Sequence(lambda n: f"Post number {n}")
    author = factory.SubFactory(UserFactory)
