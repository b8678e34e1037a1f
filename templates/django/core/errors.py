"""The app's own errors. Services raise them; they know nothing about HTTP.

core/exceptions.py is the only place that turns them into responses, each with its
status code, in the API's error shape.
"""

from typing import Any


class AppError(Exception):
    """A failure the caller can act on, with the field it is about.

    `extensions` are extra members that some errors add to the error body.
    """

    status_code = 400

    def __init__(
        self, message: str, *, field: str = "body", extensions: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.extensions = extensions or {}


class BadRequestError(AppError):
    """The request itself is unusable (a required header is missing, a signature is bad)."""

    status_code = 400


class InvalidInputError(AppError):
    status_code = 422


class AuthenticationError(AppError):
    status_code = 401


class PermissionDeniedError(AppError):
    status_code = 403


class NotFoundError(AppError):
    status_code = 404


class ConflictError(AppError):
    """The request clashes with the current state (an e-mail address already taken)."""

    status_code = 409


class TooManyAttemptsError(AppError):
    status_code = 429

    def __init__(self, message: str, *, retry_after_seconds: int, field: str = "body") -> None:
        super().__init__(message, field=field)
        self.retry_after_seconds = retry_after_seconds
