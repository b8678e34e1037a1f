"""The admin site's sign-in, under the same limits as the API's (core/login_limiter.py)."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from core import login_limiter
from core.client_address import client_address
from core.errors import TooManyAttemptsError


class LimitedModelBackend(ModelBackend):
    """Django's own backend, with each attempt reserved before the password is checked."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        if request is None or username is None:
            # Not a sign-in from a request (a management command, a test helper).
            return super().authenticate(request, username, password, **kwargs)
        client = client_address(request)
        try:
            login_limiter.reserve(account=username, client=client)
        except TooManyAttemptsError:
            # The admin's form then says the sign-in failed; the password is not checked.
            raise PermissionDenied from None
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None:
            login_limiter.release(account=username, client=client)
        return user
