"""`make create-admin EMAIL=...`: admins are made here, never through the API.

Run directly: uv run python manage.py create_admin you@example.com [--name NAME]

The password is read from ADMIN_PASSWORD (a deploy script), or else asked for on the
terminal without being shown. Never on the command line: that would leave it in the
shell's history and show it to anyone who lists the running processes.
"""

import getpass
import os
import sys
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email

from core.errors import InvalidInputError
from shop.accounts.services import user_make_admin

NOTHING_TO_READ = (
    "no password for the admin: set ADMIN_PASSWORD, or run this on a terminal to be asked for it"
)


def read_password() -> str:
    """ADMIN_PASSWORD when set, else the password typed (unseen) on the terminal."""
    password = os.environ.get("ADMIN_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise CommandError(NOTHING_TO_READ)
    return getpass.getpass("Password for the admin: ")


class Command(BaseCommand):
    help = (
        "Create a shop admin, or make an existing account an admin with this password. "
        "The password comes from ADMIN_PASSWORD, or is asked for."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="Admin")

    def handle(self, *args: Any, email: str, name: str, **options: Any) -> None:
        # The same rules as registration: a valid e-mail, a password of 8 characters or more.
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not a valid e-mail address") from None
        password = read_password()
        try:
            user = user_make_admin(email=email, password=password, name=name)
        except InvalidInputError as error:
            raise CommandError(f"cannot create the admin: {error.message}") from None
        self.stdout.write(self.style.SUCCESS(f"{user.email} is an admin."))
