"""Security headers that Django does not send by itself, on every response.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and (over HTTPS) Strict-Transport-Security, and
XFrameOptionsMiddleware sends X-Frame-Options (see SECURITY in config/settings/base.py).
Django 5.2 has no setting for the rest, so this small middleware adds them. It is the
outermost of the app's middleware, so errors, 404s and the generic 500 get them too.
"""

import re
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core.exceptions import json_error

# An API returns JSON, never pages: the browser may load nothing and frame nothing.
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

# The admin and the interactive docs are HTML pages: their own scripts and styles,
# and Swagger UI's from the CDN drf-spectacular loads it from.
PAGE_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; "
    "script-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'; "
    "style-src 'self' https://cdn.jsdelivr.net 'unsafe-inline'; "
    "img-src 'self' https://cdn.jsdelivr.net data:; "
    "frame-ancestors 'none'"
)

EXTRA_HEADERS = {
    # No camera, microphone, location... for anything this origin serves.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    # Other sites may not embed this origin's responses.
    "Cross-Origin-Resource-Policy": "same-origin",
}

HTML_PREFIXES = ("/admin/", "/api/docs", "/static/")


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        is_page = request.path.startswith(HTML_PREFIXES)
        response.headers.setdefault(
            "Content-Security-Policy",
            PAGE_CONTENT_SECURITY_POLICY if is_page else API_CONTENT_SECURITY_POLICY,
        )
        for name, value in EXTRA_HEADERS.items():
            response.headers.setdefault(name, value)
        # SecurityMiddleware sends HSTS over HTTPS only (browsers ignore it over plain
        # HTTP anyway). It is sent always here, so that a check over HTTP sees it too.
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        response.headers.setdefault("Strict-Transport-Security", hsts)
        # Headers that Django sets only in some cases, set on every response here.
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
        )
        return response


class BodySizeLimitMiddleware:
    """Answer 413 to a declared body over DATA_UPLOAD_MAX_MEMORY_SIZE (1 MiB), before
    anything is read. Django itself refuses larger bodies only when they are read,
    and outside the API's views that refusal would be a 400 in HTML."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        if not declared.isascii() or not declared.isdigit() or len(declared) > 9:
            return json_error(400, "the Content-Length header is malformed")
        if int(declared) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return json_error(413, "the request body is over 1 MiB")
        return self.get_response(request)


# An incoming X-Request-ID (set by a proxy or the client) is kept when it is this
# shape, so one id follows a request through every service; anything else is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


class RequestIdMiddleware:
    """Give every request an id, returned in X-Request-ID; gunicorn's access log line
    (config/gunicorn.py) shows it, so a user's report can be found in the logs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if REQUEST_ID.fullmatch(incoming) else str(uuid.uuid4())
        request.META["REQUEST_ID"] = request_id
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response
