"""Prometheus metrics: how many requests, how fast, per route, served at GET /metrics.

Labels use the route *template* (/api/items/{item_id}), not the real path, so that
one label value per route exists, not one per item.
"""

import hmac
import time
from typing import Annotated

from fastapi import APIRouter, Header, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    PLATFORM_COLLECTOR,
    REGISTRY,
    Counter,
    Histogram,
    generate_latest,
)
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import settings
from app.core.errors import AuthenticationError, NotFoundError

# The platform collector publishes python_info, the exact Python version: no use to
# monitoring, and a hint to attackers about which vulnerabilities to try.
REGISTRY.unregister(PLATFORM_COLLECTOR)

REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time to answer HTTP requests, by method and route template.",
    ["method", "route"],
)


def _route_label(scope: Scope, status_code: int) -> str:
    route: BaseRoute | None = scope.get("route")
    if isinstance(route, Route):
        return _full_template(route, scope["path"])
    # Unknown paths share one label, or a scanner could create millions of series.
    # Other routes without a template (the OpenAPI document, the docs page) are fixed paths.
    return "unmatched" if status_code == 404 else str(scope["path"])


def _full_template(route: Route, path: str) -> str:
    """/api/items/{item_id} for a request to /api/items/42.

    route.path is the template as written on its router (/items/{item_id}); the
    prefix given to include_router (/api) is kept apart, so it is taken back from
    the real path: the part before where the route's pattern starts to match.
    (This app's include prefixes are fixed text, so no value leaks into the label.)
    """
    for index, character in enumerate(path):
        if character == "/" and route.path_regex.match(path[index:]):
            return path[:index] + route.path
    return route.path


class MetricsMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status_code = 500  # if the app crashes before answering
        started = time.perf_counter()

        async def send_recording_status(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_recording_status)
        finally:
            route = _route_label(scope, status_code)
            REQUESTS.labels(scope["method"], route, str(status_code)).inc()
            LATENCY.labels(scope["method"], route).observe(time.perf_counter() - started)


router = APIRouter(tags=["Operations"])


@router.get("/metrics", include_in_schema=False)
def read_metrics(authorization: Annotated[str | None, Header()] = None) -> Response:
    """The metrics, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.

    They reveal traffic patterns, not data, yet are no business of the public: with
    METRICS_TOKEN unset the endpoint does not exist (404).
    """
    if not settings.METRICS_TOKEN:
        raise NotFoundError("Not Found")
    expected = f"Bearer {settings.METRICS_TOKEN}"
    # compare_digest takes the same time however many characters match (no timing leak).
    if not hmac.compare_digest((authorization or "").encode(), expected.encode()):
        raise AuthenticationError("The metrics token is missing or wrong.", field="token")
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
