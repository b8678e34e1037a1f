from django.conf import settings
from django.db import models


class Notification(models.Model):
    class Type(models.TextChoices):
        FOLLOW = "follow"
        LIKE = "like"
        COMMENT = "comment"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(max_length=20, choices=Type.choices)
    # Null for a follow. Deleting the post deletes the notifications about it.
    post = models.ForeignKey(
        "posts.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [  # noqa: RUF012
            # The list: a recipient's notifications, newest first.
            models.Index(fields=["recipient", "created_at"], name="notification_recipient_created"),
            # The unread count.
            models.Index(fields=["recipient", "read"], name="notification_recipient_read"),
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} {self.type} -> {self.recipient_id}"
