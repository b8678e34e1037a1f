from django.conf import settings
from django.db import models


class Follow(models.Model):
    """`follower` follows `followed`: their posts appear in the follower's feed."""

    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    followed = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # (user.follows: the follows a user made; user.followed_by: those of them. The
    # names "followers" and "following" are left to the profile's counts and flag.)

    class Meta:
        constraints = [  # noqa: RUF012
            # One row per pair, even when two requests try at the same moment: the
            # database refuses the second insert (services.py handles that).
            models.UniqueConstraint(fields=["follower", "followed"], name="follow_once"),
            models.CheckConstraint(
                condition=~models.Q(follower=models.F("followed")), name="follow_not_self"
            ),
        ]
        indexes = [  # noqa: RUF012
            # "Who follows X, newest first" (the followers list) reads this index in order.
            models.Index(fields=["followed", "created_at"], name="follow_followed_created"),
            # "Whom does X follow, newest first" (the following list and the feed).
            models.Index(fields=["follower", "created_at"], name="follow_follower_created"),
        ]

    def __str__(self) -> str:
        return f"{self.follower_id} follows {self.followed_id}"
