import factory
from factory.django import DjangoModelFactory

from blog.articles.models import Article, Favorite, Tag
from blog.users.tests.factories import UserFactory


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"tag{n}")


class ArticleFactory(DjangoModelFactory):
    """An article; ArticleFactory(tags=["a", "b"]) gives it those tags."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-number-{n}")
    description = factory.Faker("sentence")
    body = factory.Faker("paragraph")
    author = factory.SubFactory(UserFactory)

    @factory.post_generation
    def tags(self, create: bool, names: list[str] | None, **kwargs: object) -> None:
        if create and names:
            self.tags.set([TagFactory(name=name) for name in names])


class FavoriteFactory(DjangoModelFactory):
    class Meta:
        model = Favorite

    user = factory.SubFactory(UserFactory)
    article = factory.SubFactory(ArticleFactory)
