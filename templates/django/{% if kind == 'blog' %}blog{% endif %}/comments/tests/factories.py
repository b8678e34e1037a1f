import factory
from factory.django import DjangoModelFactory

from blog.articles.tests.factories import ArticleFactory
from blog.comments.models import Comment
from blog.users.tests.factories import UserFactory


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("sentence")
