import factory
from factory.django import DjangoModelFactory

from social.comments.models import Comment
from social.posts.tests.factories import PostFactory
from social.users.tests.factories import UserFactory


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    body = factory.Faker("sentence")
    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
