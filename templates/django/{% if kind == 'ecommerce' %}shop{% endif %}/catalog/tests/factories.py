import factory
from factory.django import DjangoModelFactory

from shop.catalog.models import Category, Product


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ProductFactory(DjangoModelFactory):
    """A product in EUR (the shop's default currency) with 10 in stock."""

    class Meta:
        model = Product

    name = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    description = factory.Faker("sentence")
    price_cents = 1000
    currency = "EUR"
    stock = 10
    category = factory.SubFactory(CategoryFactory)
