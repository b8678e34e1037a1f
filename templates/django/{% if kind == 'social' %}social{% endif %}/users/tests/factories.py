import factory
from factory.django import DjangoModelFactory

from social.users.models import User

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    """A user with a unique name and e-mail; its password is PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    bio = None
    avatar_url = None
    password = factory.django.Password(PASSWORD)
