from django.conf import settings
from django.db import models

POST_MAX_LENGTH = 280


class Post(models.Model):
    # TextField, not CharField(max_length=280): the limit counts Unicode code points,
    # which the serializer checks (some databases count VARCHAR lengths in bytes).
    # The body is stored exactly as sent and only ever returned as JSON, never as HTML.
    body = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [  # noqa: RUF012
            # A user's posts and the feed are read newest first, per author: this index
            # serves both the filter and the order (and the cursor's WHERE).
            models.Index(fields=["author", "created_at"], name="post_author_created"),
            models.Index(fields=["created_at"], name="post_created"),
        ]

    def __str__(self) -> str:
        return self.body[:50]
