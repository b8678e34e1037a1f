"""Turn every error into the API's error shape: `{"errors": {"field": ["message"]}}`.

This is the only place that knows which HTTP status each domain error becomes.
"""

from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.core.errors import (
    AppError,
    AuthenticationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    TooManyAttemptsError,
)

STATUS_BY_ERROR: dict[type[AppError], int] = {
    InvalidInputError: 422,
    AuthenticationError: 401,
    PermissionDeniedError: 403,
    NotFoundError: 404,
    TooManyAttemptsError: 429,
}


def error_response(
    status_code: int, errors: dict[str, list[str]], headers: Mapping[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"errors": errors}, status_code=status_code, headers=headers)


def internal_error_response() -> JSONResponse:
    # Clients never see what failed inside: that could leak code paths, SQL or data.
    return error_response(500, {"body": ["Internal server error"]})


def register_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def handle_app_error(_request: Request, error: AppError) -> JSONResponse:
        status_code = next(
            (status for cls, status in STATUS_BY_ERROR.items() if isinstance(error, cls)), 400
        )
        headers = None
        if isinstance(error, TooManyAttemptsError):
            headers = {"Retry-After": str(error.retry_after_seconds)}
        return error_response(status_code, {error.field: [error.message]}, headers)

    @app.exception_handler(RequestValidationError)
    async def handle_validation_error(
        _request: Request, error: RequestValidationError
    ) -> JSONResponse:
        errors: dict[str, list[str]] = {}
        for issue in error.errors():
            # loc is e.g. ("body", "user", "email") or ("query", "limit"): name the field.
            location = [str(part) for part in issue["loc"]]
            field = location[-1] if len(location) > 1 else location[0]
            errors.setdefault(field, []).append(issue["msg"])
        return error_response(422, errors)

    @app.exception_handler(StarletteHTTPException)
    async def handle_http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        # Raised by the framework itself: unknown route (404), wrong method (405)...
        return error_response(error.status_code, {"body": [str(error.detail)]}, error.headers)
