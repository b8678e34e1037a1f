from django.conf import settings
from django.db import models

COMMENT_MAX_LENGTH = 1000


class Comment(models.Model):
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments"
    )
    # TextField: the 1000-character limit counts code points (see Post.body).
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [  # noqa: RUF012
            # A post's comments, oldest first: the filter and the order in one index.
            models.Index(fields=["post", "created_at"], name="comment_post_created"),
        ]

    def __str__(self) -> str:
        return self.body[:50]
