"""GET /health, and the JSON 404 for unknown paths under /api."""

import hmac
import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from prometheus_client import CONTENT_TYPE_LATEST, PLATFORM_COLLECTOR, REGISTRY, generate_latest
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from core.exceptions import json_error

# The platform collector publishes python_info, the exact Python version: no use to
# monitoring, and a hint to attackers about which vulnerabilities to try.
REGISTRY.unregister(PLATFORM_COLLECTOR)

logger = logging.getLogger(__name__)


@extend_schema(exclude=True)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request: Request) -> Response:
    """Is the app up, and can it reach its database? (/health and /health/ready)

    Docker's HEALTHCHECK, load balancers and an orchestrator's readiness probe ask this:
    no traffic is sent to the app until its database answers.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database did not answer")
        return Response({"status": "error", "database": "error"}, status=503)
    return Response({"status": "ok", "database": "ok"})


@extend_schema(exclude=True)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def live(request: Request) -> Response:
    """The process answers requests (/health/live): an orchestrator restarts it when not.

    It asks nothing of the database: restarting the app would not bring that back.
    """
    return Response({"status": "ok"})


# The API's clients send tokens, not cookies: a DELETE to an unknown path is a 404 like a
# GET, not the CSRF check's HTML 403 page (the API's own views are exempt the same way).
@csrf_exempt
def api_not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any path under /api that no endpoint answers: a JSON 404, in every environment."""
    return json_error(404, "not found")


def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus metrics, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.

    They reveal traffic patterns, not data, yet are no business of the public: with
    METRICS_TOKEN unset the page does not exist (404).
    """
    if not settings.METRICS_TOKEN:
        return json_error(404, "not found")
    expected = f"Bearer {settings.METRICS_TOKEN}"
    sent = request.headers.get("Authorization", "")
    # compare_digest takes the same time however many characters match (no timing leak).
    if not hmac.compare_digest(sent.encode(), expected.encode()):
        response = json_error(401, "the metrics token is missing or wrong")
        response["WWW-Authenticate"] = "Bearer"
        return response
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
