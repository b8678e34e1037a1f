"""Reads of accounts: keyword-only functions, no writes (HackSoft's styleguide)."""

from blog.users.models import User
from core.errors import NotFoundError


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email).first()


def user_get_by_username(*, username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise NotFoundError("profile not found", field="profile")
    return user


def username_is_taken(*, username: str, except_id: int | None = None) -> bool:
    return User.objects.filter(username__iexact=username).exclude(pk=except_id).exists()


def email_is_taken(*, email: str, except_id: int | None = None) -> bool:
    return User.objects.filter(email__iexact=email).exclude(pk=except_id).exists()
