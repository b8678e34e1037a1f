import factory
from factory.django import DjangoModelFactory

from social.notifications.models import Notification
from social.users.tests.factories import UserFactory


class NotificationFactory(DjangoModelFactory):
    """A follow notification by default: Notification(type=..., post=...) for others."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    actor = factory.SubFactory(UserFactory)
    type = Notification.Type.FOLLOW
    post = None
