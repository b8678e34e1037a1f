"""REST_FRAMEWORK["EXCEPTION_HANDLER"]: every error of the API in one shape.

The shape is RealWorld's: `{"errors": {"field": ["message", ...]}}`. Invalid input is
422 (Unprocessable Content), as the RealWorld spec says, not DRF's default 400.
Anything unexpected becomes a generic 500: the details go to the log, never to the
client (they could give away code paths, SQL or data).
"""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response

from core.errors import AppError, TooManyAttemptsError

logger = logging.getLogger(__name__)

# The request envelopes ({"user": {...}}): their name is left out of the field names.
ENVELOPES = {"user", "article", "comment"}


def _flatten(detail: Any, field: str = "body") -> dict[str, list[str]]:
    """DRF's nested error detail as {field: [messages]}."""
    if isinstance(detail, dict):
        errors: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = "body" if key == "non_field_errors" else str(key)
            if isinstance(value, dict) and name in ENVELOPES:
                nested = _flatten(value)
            else:
                nested = _flatten(value, name)
            for nested_field, messages in nested.items():
                errors.setdefault(nested_field, []).extend(messages)
        return errors
    if isinstance(detail, list):
        messages: list[str] = []
        for item in detail:
            for value in _flatten(item, field).values():
                messages.extend(value)
        return {field: messages}
    return {field: [str(detail)]}


def error_body(errors: dict[str, list[str]]) -> dict[str, Any]:
    return {"errors": errors}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    headers: dict[str, str] = {}
    if isinstance(exc, AppError):
        if isinstance(exc, TooManyAttemptsError):
            headers["Retry-After"] = str(exc.retry_after_seconds)
        return Response(
            error_body({exc.field: [exc.message]}), status=exc.status_code, headers=headers
        )
    if isinstance(exc, Http404):
        return Response(error_body({"body": ["not found"]}), status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, PermissionDenied):
        return Response(error_body({"body": ["forbidden"]}), status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, exceptions.ValidationError | exceptions.ParseError):
        return Response(
            error_body(_flatten(exc.detail)), status=status.HTTP_422_UNPROCESSABLE_ENTITY
        )
    if isinstance(exc, exceptions.APIException):
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            # 401 tells the client which scheme to use (WWW-Authenticate: Token ...).
            view, request = context.get("view"), context.get("request")
            if view is not None and request is not None:
                authenticate_header = view.get_authenticate_header(request)
                if authenticate_header:
                    headers["WWW-Authenticate"] = authenticate_header
            return Response(
                error_body({"token": ["is missing or invalid"]}),
                status=status.HTTP_401_UNAUTHORIZED,
                headers=headers,
            )
        if getattr(exc, "wait", None):
            headers["Retry-After"] = str(int(exc.wait))
        detail = exc.detail
        errors = _flatten(detail) if isinstance(detail, dict | list) else {"body": [str(detail)]}
        return Response(error_body(errors), status=exc.status_code, headers=headers)
    logger.exception("Unhandled error", exc_info=exc)
    return Response(
        error_body({"body": ["internal server error"]}),
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


# Django's own handlers (config/urls.py), for errors outside DRF's views: a JSON body
# for the API's paths, so that clients never have to parse an HTML error page.
def not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body({"body": ["not found"]}), status=404)


def server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse(error_body({"body": ["internal server error"]}), status=500)
