"""Reads of notifications: each with its actor, in one query whatever the page size."""

from social.notifications.models import Notification
from social.pagination import Page, PageParams, time_page
from social.users.models import User


def notification_list(*, user: User, params: PageParams) -> Page[Notification]:
    """The user's notifications, newest first, each actor joined in the same query."""
    notifications = Notification.objects.filter(recipient=user).select_related("actor")
    return time_page(notifications, params, newest_first=True)


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read=False).count()
