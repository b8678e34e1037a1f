"""A URL configuration with endpoints that crash, for test_errors.py."""

from django.db import DataError, IntegrityError
from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response


@api_view(["GET"])
@permission_classes([AllowAny])
def crash(request: Request) -> Response:
    raise RuntimeError("secret detail: SELECT password FROM users")


@api_view(["GET"])
@permission_classes([AllowAny])
def unstorable(request: Request) -> Response:
    # What PostgreSQL's driver raises for a NUL character in text (/api/profiles/%00).
    raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")


@api_view(["POST"])
@permission_classes([AllowAny])
def refers_to_a_deleted_row(request: Request) -> Response:
    # What Django raises when the row an insert refers to was deleted meanwhile.
    raise IntegrityError("FOREIGN KEY constraint failed")


urlpatterns = [
    path("api/crash", crash),
    path("api/unstorable", unstorable),
    path("api/deleted-reference", refers_to_a_deleted_row),
]
