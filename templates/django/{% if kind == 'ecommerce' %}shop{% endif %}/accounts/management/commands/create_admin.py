"""`make create-admin EMAIL=... PASSWORD=...`: admins are made here, never through the API.

Run directly: uv run python manage.py create_admin you@example.com 'a long password'
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from core.errors import InvalidInputError
from shop.accounts.services import user_make_admin


class Command(BaseCommand):
    help = "Create a shop admin, or make an existing account an admin with this password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("password")
        parser.add_argument("--name", default="Admin")

    def handle(self, *args: Any, email: str, password: str, name: str, **options: Any) -> None:
        # The same rules as registration: a valid e-mail, a password of 8 characters or more.
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not a valid e-mail address") from None
        try:
            user = user_make_admin(email=email, password=password, name=name)
        except InvalidInputError as error:
            raise CommandError(f"cannot create the admin: {error.message}") from None
        self.stdout.write(self.style.SUCCESS(f"{user.email} is an admin."))
