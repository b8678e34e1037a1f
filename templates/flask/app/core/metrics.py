"""Prometheus metrics: how many requests, how fast, per route, served at GET /metrics.

Labels use the route's rule (/api/articles/<slug>), not the real path, so that one
label value per route exists, not one per article.
"""

import hmac
import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    PLATFORM_COLLECTOR,
    REGISTRY,
    Counter,
    Histogram,
    generate_latest,
)

from app.core.config import settings
from app.core.errors import AuthenticationError, NotFoundError

# The platform collector publishes python_info, the exact Python version: no use to
# monitoring, and a hint to attackers about which vulnerabilities to try.
REGISTRY.unregister(PLATFORM_COLLECTOR)

REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests answered, by method, route and status code.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time to answer HTTP requests, by method and route.",
    ["method", "route"],
)

blueprint = Blueprint("metrics", __name__)


def _route_label(status_code: int) -> str:
    if request.url_rule is not None:
        return request.url_rule.rule
    # Unknown paths share one label, or a scanner could create millions of series.
    return "unmatched" if status_code == 404 else "unrouted"


def start_timer() -> None:
    g.metrics_started = time.perf_counter()


def record(response: Response) -> Response:
    route = _route_label(response.status_code)
    REQUESTS.labels(request.method, route, str(response.status_code)).inc()
    started = g.get("metrics_started", time.perf_counter())
    LATENCY.labels(request.method, route).observe(time.perf_counter() - started)
    return response


@blueprint.get("/metrics")
def read_metrics() -> Response:
    """The metrics, for a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`.

    They reveal traffic patterns, not data, yet are no business of the public: with
    METRICS_TOKEN unset the endpoint does not exist (404).
    """
    if not settings.METRICS_TOKEN:
        raise NotFoundError("Not Found")
    expected = f"Bearer {settings.METRICS_TOKEN}"
    authorization = request.headers.get("Authorization", "")
    # compare_digest takes the same time however many characters match (no timing leak).
    if not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise AuthenticationError("The metrics token is missing or wrong.", field="token")
    return Response(generate_latest(), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    app.before_request(start_timer)
    app.after_request(record)
    app.register_blueprint(blueprint)
