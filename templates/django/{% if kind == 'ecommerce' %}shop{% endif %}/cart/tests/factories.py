import factory
from factory.django import DjangoModelFactory

from shop.accounts.tests.factories import UserFactory
from shop.cart.models import CartItem
from shop.catalog.tests.factories import ProductFactory


class CartItemFactory(DjangoModelFactory):
    class Meta:
        model = CartItem

    user = factory.SubFactory(UserFactory)
    product = factory.SubFactory(ProductFactory)
    quantity = 1
