from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    CUSTOMER = "customer"
    ADMIN = "admin"


class UserManager(BaseUserManager):
    """Makes accounts from an e-mail address (there is no username)."""

    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: object) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: object) -> "User":
        """`manage.py createsuperuser`: a shop admin who may also use the admin site."""
        fields.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A customer or an admin, who signs in with an e-mail address and a password.

    `role` is what the API checks (only admins change the catalogue or ship orders).
    `is_staff` is what Django's admin site checks; `make create-admin` sets both.
    Django stores only the password's hash (argon2: PASSWORD_HASHERS in settings).
    """

    # Stored in lower case, so "Ada@Example.com" and "ada@example.com" are one account;
    # unique=True also gives the index that signing in looks up.
    email = models.EmailField("email address", max_length=254, unique=True)
    name = models.CharField(max_length=100)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.CUSTOMER)
    is_staff = models.BooleanField(
        default=False, help_text="May sign in to this admin site (/admin/)."
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]  # noqa: RUF012 (Django's own attribute)

    objects = UserManager()

    def __str__(self) -> str:
        return self.email

    @property
    def is_shop_admin(self) -> bool:
        return self.role == Role.ADMIN
