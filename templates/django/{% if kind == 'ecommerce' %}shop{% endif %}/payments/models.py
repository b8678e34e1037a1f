from django.db import models


class WebhookEvent(models.Model):
    """A payment provider event already processed, so that a replay changes nothing."""

    # The provider's own event id: as the primary key, a second copy of the event is
    # a duplicate the database refuses, even when two copies arrive at the same time.
    id = models.CharField(max_length=255, primary_key=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-received_at",)

    def __str__(self) -> str:
        return f"{self.id} ({self.type})"
