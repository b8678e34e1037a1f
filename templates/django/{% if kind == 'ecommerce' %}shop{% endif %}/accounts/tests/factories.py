import factory
from factory.django import DjangoModelFactory

from shop.accounts.models import Role, User

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    """A customer with a unique e-mail; the password is PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    name = factory.Faker("name")
    role = Role.CUSTOMER
    password = factory.django.Password(PASSWORD)


class AdminFactory(UserFactory):
    email = factory.Sequence(lambda n: f"admin{n}@example.com")
    role = Role.ADMIN
    is_staff = True
