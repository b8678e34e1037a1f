"""`make create-admin EMAIL=... PASSWORD=...`: admins are made here, never through the API.

Run directly: uv run python -m app.accounts.create_admin EMAIL PASSWORD
"""

import argparse

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table)
from app.accounts.schemas import UserCreate
from app.accounts.service import create_admin
from app.core.db import engine


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Create an admin (or promote an account).")
    parser.add_argument("email")
    parser.add_argument("password")
    parser.add_argument("--name", default="Admin")
    args = parser.parse_args(argv)
    # The same rules as registration: a valid e-mail, a password of 8 characters or more.
    try:
        data = UserCreate(email=args.email, password=args.password, name=args.name)
    except ValidationError as error:
        problems = "; ".join(f"{issue['loc'][0]}: {issue['msg']}" for issue in error.errors())
        raise SystemExit(f"Cannot create the admin: {problems}") from None
    with Session(engine, expire_on_commit=False) as session:
        user = create_admin(session, email=data.email, password=data.password, name=data.name)
    print(f"{user.email} is an admin.")


if __name__ == "__main__":
    main()
