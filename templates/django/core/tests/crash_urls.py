"""A URL configuration with an endpoint that crashes, for test_errors.py."""

from django.urls import path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response


@api_view(["GET"])
@permission_classes([AllowAny])
def crash(request: Request) -> Response:
    raise RuntimeError("secret detail: SELECT password FROM users")


urlpatterns = [path("api/crash", crash)]
