from django.conf import settings
from django.db import models


class Like(models.Model):
    """`user` likes `post`: counted in the post's like_count."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="likes"
    )
    # Indexed (as every foreign key): counting a post's likes reads this index only.
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="likes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [  # noqa: RUF012
            # One like per (user, post). Checking first and inserting after is not
            # enough: two requests can both check before either inserts. The database
            # constraint refuses the second insert, whatever the timing.
            models.UniqueConstraint(fields=["user", "post"], name="like_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} likes {self.post_id}"
