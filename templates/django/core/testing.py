"""Helpers for the tests of every app."""

from django.contrib.auth.base_user import AbstractBaseUser
from rest_framework.test import APIClient


def client_for(user: AbstractBaseUser) -> APIClient:
    """A client signed in as `user` (force_authenticate: no token needed)."""
    client = APIClient()
    client.force_authenticate(user=user)
    return client
