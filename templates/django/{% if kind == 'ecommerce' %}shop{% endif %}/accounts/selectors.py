"""Reads of accounts: keyword-only functions, no writes (HackSoft's styleguide)."""

from shop.accounts.models import User


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email=email.lower()).first()


def email_is_taken(*, email: str) -> bool:
    return User.objects.filter(email=email.lower()).exists()
