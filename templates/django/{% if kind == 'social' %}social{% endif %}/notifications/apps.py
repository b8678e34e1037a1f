from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Notifications ("someone followed you, liked or commented on your post"), read."""

    name = "social.notifications"
    label = "notifications"
