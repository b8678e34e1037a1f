from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower


class User(AbstractUser):
    """An account. People sign in with their e-mail; the username is public.

    The username appears in URLs (/api/profiles/<username>) and the e-mail signs in,
    so each is unique whatever its letter case.
    """

    # RealWorld has no first or last name.
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField("email address", max_length=254, unique=True)
    # Null means "never set", which RealWorld sends as null.
    bio = models.TextField(blank=True, null=True)  # noqa: DJ001
    image = models.URLField(max_length=2048, blank=True, null=True)  # noqa: DJ001

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]  # noqa: RUF012 (Django's own attribute)

    objects = UserManager()

    class Meta:
        constraints = [  # noqa: RUF012
            models.UniqueConstraint(Lower("email"), name="users_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="users_user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username
