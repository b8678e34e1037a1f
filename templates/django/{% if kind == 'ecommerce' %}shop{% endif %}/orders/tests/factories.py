import factory
from factory.django import DjangoModelFactory

from shop.accounts.tests.factories import UserFactory
from shop.catalog.tests.factories import ProductFactory
from shop.orders.models import Order, OrderItem, OrderStatus

ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "12 Analytical Street",
    "city": "London",
    "postal_code": "N1 9GU",
    "country": "GB",
}


class OrderFactory(DjangoModelFactory):
    """An order of one product (2 x 1000 cents); its stock is already taken.

    OrderFactory(status=OrderStatus.PAID, payment_id="ch_1") makes a paid one.
    """

    class Meta:
        model = Order
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    status = OrderStatus.PENDING_PAYMENT
    total_cents = 2000
    currency = "EUR"
    shipping_address = factory.LazyFunction(lambda: dict(ADDRESS))

    @factory.post_generation
    def items(self, create: bool, extracted: list[OrderItem] | None, **kwargs: object) -> None:
        if create and extracted is None:
            product = ProductFactory(stock=8)
            OrderItem.objects.create(
                order=self, product=product, name=product.name, unit_price_cents=1000, quantity=2
            )
