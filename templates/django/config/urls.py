"""The site's addresses: the API under /api, its docs, the admin, health and metrics.

https://docs.djangoproject.com/en/5.2/topics/http/urls/
"""

from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core.views import api_not_found, health, live, metrics

urlpatterns = [
    path("api/", include("config.api_router")),
    # The OpenAPI document, generated from the code, and an interactive page to try it.
    path("api/schema", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # Anything else under /api: a JSON 404 (never an HTML page, even with DEBUG on).
    re_path(r"^api/(?P<path>.*)$", api_not_found),
    # Liveness (the process answers) and readiness (its database answers too); /health
    # is readiness as well, for Docker's HEALTHCHECK.
    path("health", health, name="health"),
    path("health/live", live, name="health-live"),
    path("health/ready", health, name="health-ready"),
    # Prometheus metrics (django-prometheus): requests, latencies, database queries;
    # only with METRICS_TOKEN (core/views.py).
    path("metrics", metrics, name="metrics"),
    path("admin/", admin.site.urls),
]

# Errors outside the API's views (a crash in a middleware, a 404 under /admin):
# JSON bodies, no stack traces (with DEBUG off).
handler404 = "core.exceptions.not_found"
handler500 = "core.exceptions.server_error"
