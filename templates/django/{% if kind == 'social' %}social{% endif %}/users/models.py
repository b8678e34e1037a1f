from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

USERNAME_PATTERN = r"^[a-z0-9_]{3,30}$"
BIO_MAX_LENGTH = 160


class User(AbstractUser):
    """An account. People sign in with their e-mail; the username is public.

    The username is part of URLs (/api/users/<username>), so it is limited to
    lowercase letters, digits and "_": nobody can register "Ada" next to "ada".
    """

    # The social network has no first or last name.
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    # unique=True also creates the index that profile lookups and the prefix
    # search (LIKE 'term%') use.
    username = models.CharField(
        max_length=30,
        unique=True,
        validators=[RegexValidator(USERNAME_PATTERN, "3-30 of a-z, 0-9 and _")],
    )
    email = models.EmailField("email address", max_length=254, unique=True)
    # Null means "not set": an empty string sent by the API clears the field to null.
    bio = models.CharField(max_length=BIO_MAX_LENGTH, blank=True, null=True)  # noqa: DJ001
    avatar_url = models.URLField(max_length=2048, blank=True, null=True)  # noqa: DJ001

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]  # noqa: RUF012 (Django's own attribute)

    objects = UserManager()

    class Meta:
        constraints = [  # noqa: RUF012
            # One account per e-mail address, whatever its letter case.
            models.UniqueConstraint(Lower("email"), name="users_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username
