"""GET /health, and the JSON 404 for unknown paths under /api."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from core.exceptions import json_error

logger = logging.getLogger(__name__)


@extend_schema(exclude=True)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request: Request) -> Response:
    """Is the app up, and can it reach its database? Docker's HEALTHCHECK asks this."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return Response({"status": "error", "database": "error"}, status=503)
    return Response({"status": "ok", "database": "ok"})


def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any path under /api that no endpoint answers: a JSON 404, in every environment."""
    return json_error(404, "not found")
