"""Turn every error into the API's error shape, as Flask's "Returning API Errors as
JSON" pattern does: https://flask.palletsprojects.com/en/stable/errorhandling/

The shape is RealWorld's: `{"errors": {"field": ["message"]}}`.

This is the only place that knows which HTTP status each domain error becomes:
STATUS_BY_ERROR, to which a part of the app with errors of its own adds them
(add_error_statuses).
"""

import logging
from collections.abc import Mapping

from flask import Flask, Response, jsonify, request
from sqlalchemy.exc import DataError, IntegrityError, NoResultFound
from sqlalchemy.orm.exc import ObjectDeletedError
from werkzeug.exceptions import HTTPException

from app.core.errors import (
    AppError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    TooManyAttemptsError,
)
from app.core.validation import RequestValidationError

logger = logging.getLogger(__name__)

STATUS_BY_ERROR: dict[type[AppError], int] = {
    BadRequestError: 400,
    InvalidInputError: 422,
    AuthenticationError: 401,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    ConflictError: 409,
    TooManyAttemptsError: 429,
}


def add_error_statuses(statuses: Mapping[type[AppError], int]) -> None:
    """Give more error classes their status (each must subclass AppError)."""
    STATUS_BY_ERROR.update(statuses)


def error_response(
    status_code: int,
    *,
    detail: str,
    errors: dict[str, list[str]] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """RealWorld's body: every message under the field it is about ("body" for none)."""
    response = jsonify({"errors": errors or {"body": [detail]}})
    response.status_code = status_code
    response.headers.update(headers or {})
    return response


def internal_error_response() -> Response:
    # Clients never see what failed inside: that could leak code paths, SQL or data.
    return error_response(500, detail="Internal server error")


def app_error_response(error: AppError) -> Response:
    """The response for a domain error."""
    # The most specific class that has a status wins (a subclass may differ from its base).
    status_code = next(
        (STATUS_BY_ERROR[cls] for cls in type(error).__mro__ if cls in STATUS_BY_ERROR), 400
    )
    headers = None
    if isinstance(error, TooManyAttemptsError):
        headers = {"Retry-After": str(error.retry_after_seconds)}
    if isinstance(error, AuthenticationError):
        # A 401 names the scheme that would work (RFC 9110, section 11.6.1).
        headers = {"WWW-Authenticate": "Token"}
    return error_response(
        status_code, detail=error.message, errors={error.field: [error.message]}, headers=headers
    )


def handle_app_error(error: AppError) -> Response:
    return app_error_response(error)


def handle_validation_error(error: RequestValidationError) -> Response:
    return error_response(422, detail="The request is not valid.", errors=error.errors)


def handle_data_error(_error: DataError) -> Response:
    # The database refused a value that passed validation: PostgreSQL stores no NUL
    # character (\u0000) in text. The client sent it, so it is their error, not a 500.
    message = "contains a value the database cannot store"
    return error_response(422, detail="The request is not valid.", errors={"body": [message]})


def handle_integrity_error(error: IntegrityError) -> Response:
    # A concurrent request deleted a row this one uses, after the check that it
    # exists (a favourite on an article being deleted): the insert that refers to it
    # breaks a foreign key. Answer as if the check had come after the delete: 404.
    if not _refers_to_a_missing_row(error):
        return handle_unexpected_error(error)  # a bug of ours
    return handle_row_gone(error)


def handle_row_gone(_error: Exception) -> Response:
    # Reading back a row that a concurrent request deleted meanwhile: a query that
    # must find one (NoResultFound), or an object loaded earlier whose row is gone
    # when its attributes are read again after a rollback (ObjectDeletedError).
    return error_response(404, detail="Not found.", errors={"resource": ["no longer exists"]})


def handle_http_error(error: HTTPException) -> Response:
    # Raised by Flask and Werkzeug themselves: unknown route (404), wrong method (405),
    # body over MAX_CONTENT_LENGTH (413)... A 405 keeps its Allow header.
    headers = {name: value for name, value in error.get_headers() if name != "Content-Type"}
    return error_response(
        error.code or 500, detail=error.description or error.name, headers=headers
    )


def handle_unexpected_error(error: Exception) -> Response:
    logger.error("Unhandled error on %s %s", request.method, request.path, exc_info=error)
    return internal_error_response()


def register_error_handlers(app: Flask) -> None:
    # Flask picks the handler of the most specific class, so Exception is the last resort.
    app.register_error_handler(AppError, handle_app_error)
    app.register_error_handler(RequestValidationError, handle_validation_error)
    app.register_error_handler(DataError, handle_data_error)
    app.register_error_handler(IntegrityError, handle_integrity_error)
    app.register_error_handler(NoResultFound, handle_row_gone)
    app.register_error_handler(ObjectDeletedError, handle_row_gone)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected_error)


def _refers_to_a_missing_row(error: IntegrityError) -> bool:
    """Whether ``error`` is a foreign key violation, on PostgreSQL or SQLite."""
    original = error.orig
    return getattr(original, "sqlstate", None) == "23503" or "FOREIGN KEY" in str(original)
