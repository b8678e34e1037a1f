"""ASGI middleware: security headers on every response, a safe 500 for crashes, the
1 MiB body cap, and one access-log line per request with its request id.

They are written as plain ASGI classes rather than with BaseHTTPMiddleware: they
see every response the app sends, including the 500 produced when a route
crashes, and they do not buffer or re-wrap the body.
"""

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.error_handlers import error_response, internal_error_response

logger = logging.getLogger(__name__)

# An API returns JSON, never pages, so the browser may load nothing and frame nothing.
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

# The interactive docs page (Swagger UI) is HTML that loads its script and styles from
# a CDN and starts with an inline script, so it gets just enough to work, and no more.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; "
    "script-src https://cdn.jsdelivr.net 'unsafe-inline'; "
    "style-src https://cdn.jsdelivr.net 'unsafe-inline'; "
    "img-src https://fastapi.tiangolo.com https://cdn.jsdelivr.net data:; "
    "connect-src 'self'; "
    "frame-ancestors 'none'"
)

SECURITY_HEADERS = {
    # Browsers remember to use HTTPS only for two years (ignored over plain HTTP).
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    # Do not guess a content type: JSON must never be run as a script or shown as HTML.
    "X-Content-Type-Options": "nosniff",
    # Older browsers' equivalent of frame-ancestors 'none' (no clickjacking).
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    # No camera, microphone, location... for anything this origin serves.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    # Keep other sites' windows and pages out of this origin's process and resources.
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp, *, docs_paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.docs_paths = docs_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = (
            DOCS_CONTENT_SECURITY_POLICY
            if scope["path"] in self.docs_paths
            else API_CONTENT_SECURITY_POLICY
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Content-Security-Policy"] = policy
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class UnhandledErrorMiddleware:
    """Answer a generic 500 when a route crashes; the details go to the log only.

    Starlette's own last-resort handler sits outside every middleware, so its 500
    would miss the security headers. Catching the crash here, inside them, does not.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        response_started = False

        async def send_tracking_start(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, send_tracking_start)
        except Exception:
            logger.exception("Unhandled error on %s %s", scope["method"], scope["path"])
            if response_started:
                raise  # too late to change the status: let the server close the connection
            await internal_error_response()(scope, receive, send)


MAX_BODY_BYTES = 1024 * 1024  # 1 MiB: far more than any request of this API needs
TOO_LARGE = f"The request body is larger than {MAX_BODY_BYTES} bytes."


class BodySizeLimitMiddleware:
    """Answer 413 to a request body over 1 MiB, before it fills the server's memory.

    A declared Content-Length over the cap is refused before anything is read; a body
    sent without one (chunked) is counted as it arrives and refused once over it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or len(declared) > 9 or int(declared) > MAX_BODY_BYTES:
            await error_response(413, detail=TOO_LARGE)(scope, receive, send)
            return
        received = 0

        async def receive_counting() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > MAX_BODY_BYTES:
                # Raised into whoever reads the body; the error handlers answer 413.
                raise HTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, receive_counting, send)


# An incoming X-Request-ID (set by a proxy or the client) is kept when it is this
# shape, so one id follows a request through every service; anything else is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
access_logger = logging.getLogger("app.access")


class AccessLogMiddleware:
    """One log line per request (method, path, status, duration, request id), and the
    request id returned in X-Request-ID, so a user's report can be found in the logs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if REQUEST_ID.fullmatch(incoming) else str(uuid.uuid4())
        started = time.perf_counter()
        status_code = 500  # if the app fails before answering

        async def send_with_request_id(message: Message) -> None:
            nonlocal status_code
            if message["type"] == "http.response.start":
                status_code = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            access_logger.info(
                "%s %s %s %.1fms request_id=%s",
                scope["method"],
                scope["path"],
                status_code,
                (time.perf_counter() - started) * 1000,
                request_id,
            )
