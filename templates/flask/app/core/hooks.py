"""What happens around every request: Flask's before_request and after_request hooks.

- URLs that are not text (a NUL character, bytes that are not UTF-8) get 422;
- a body declared over 1 MiB gets 413 before anything reads it;
- every response gets the security headers and an X-Request-ID, and one access-log
  line (method, path, status, duration, request id).

after_request hooks run for every response Flask builds, those of the error handlers
included (404, 405, 500...), so no response leaves without the headers.
"""

import logging
import re
import time
import uuid
from urllib.parse import unquote_to_bytes

from flask import Flask, Response, g, request
from werkzeug.exceptions import RequestEntityTooLarge

from app.core.errors import InvalidInputError

# 1 MiB: far more than any request of this API needs. A declared Content-Length over it
# is refused here, before anything is read; a body sent in chunks, without one, is
# measured as it is read (app/core/validation.py).
MAX_BODY_BYTES = 1024 * 1024
TOO_LARGE = f"The request body is larger than {MAX_BODY_BYTES} bytes."

# An API returns JSON, never pages, so the browser may load nothing and frame nothing.
CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
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

# An incoming X-Request-ID (set by a proxy or the client) is kept when it is this
# shape, so one id follows a request through every service; anything else is replaced.
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")
access_logger = logging.getLogger("app.access")


def start_request() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if REQUEST_ID.fullmatch(incoming) else str(uuid.uuid4())
    g.started = time.perf_counter()


def refuse_unreadable_url() -> None:
    """422 for a path or query string that is not UTF-8 text, or holds a NUL.

    The WSGI server hands the path over as raw bytes (in a latin-1 str); Werkzeug
    would quietly replace what is not UTF-8, and a NUL would reach the database,
    which refuses it (PostgreSQL) with a 500.
    """
    path = request.environ.get("PATH_INFO", "").encode("latin-1")
    query = unquote_to_bytes(request.environ.get("QUERY_STRING", "").replace("+", " "))
    for part, field in ((path, "path"), (query, "query")):
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInputError("must be UTF-8 text", field=field) from None
        if "\x00" in text:
            raise InvalidInputError("must not contain a NUL character", field=field)


def refuse_large_body() -> None:
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise RequestEntityTooLarge(TOO_LARGE)


def finish_response(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    request_id = g.get("request_id") or str(uuid.uuid4())
    response.headers["X-Request-ID"] = request_id
    started = g.get("started", time.perf_counter())
    access_logger.info(
        "%s %s %s %.1fms request_id=%s",
        request.method,
        request.path,
        response.status_code,
        (time.perf_counter() - started) * 1000,
        request_id,
    )
    return response


def register_hooks(app: Flask) -> None:
    app.before_request(start_request)
    app.before_request(refuse_unreadable_url)
    app.before_request(refuse_large_body)
    app.after_request(finish_response)
