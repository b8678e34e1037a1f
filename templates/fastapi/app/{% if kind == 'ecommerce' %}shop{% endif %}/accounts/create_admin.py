"""`make create-admin EMAIL=...`: admins are made here, never through the API.

Run directly: uv run python -m app.shop.accounts.create_admin EMAIL [--name NAME]

The password is read from ADMIN_PASSWORD (a deploy script), or else asked for on the
terminal without being shown. Never on the command line: that would leave it in the
shell's history and show it to anyone who lists the running processes.
"""

import argparse
import getpass
import os
import sys

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table)
from app.core.db import engine
from app.shop.accounts.schemas import UserCreate
from app.shop.accounts.service import create_admin

NOTHING_TO_READ = (
    "No password for the admin: set ADMIN_PASSWORD, or run this on a terminal to be asked for it."
)


def read_password() -> str:
    """ADMIN_PASSWORD when set, else the password typed (unseen) on the terminal."""
    password = os.environ.get("ADMIN_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise SystemExit(NOTHING_TO_READ)
    return getpass.getpass("Password for the admin: ")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Create an admin (or promote an account). The password comes from "
        "ADMIN_PASSWORD, or is asked for."
    )
    parser.add_argument("email")
    parser.add_argument("--name", default="Admin")
    args = parser.parse_args(argv)
    password = read_password()
    # The same rules as registration: a valid e-mail, a password of 8 characters or more.
    try:
        data = UserCreate(email=args.email, password=password, name=args.name)
    except ValidationError as error:
        problems = "; ".join(f"{issue['loc'][0]}: {issue['msg']}" for issue in error.errors())
        raise SystemExit(f"Cannot create the admin: {problems}") from None
    with Session(engine, expire_on_commit=False) as session:
        user = create_admin(session, email=data.email, password=data.password, name=data.name)
    print(f"{user.email} is an admin.")


if __name__ == "__main__":
    main()
