"""The app's own errors. Services raise them; they know nothing about HTTP.

core/exceptions.py is the only place that turns them into responses, each with its
status code and RealWorld's `{"errors": {"field": ["message"]}}` body.
"""


class AppError(Exception):
    """A failure the caller can act on, with the field it is about."""

    status_code = 400

    def __init__(self, message: str, *, field: str = "body") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInputError(AppError):
    status_code = 422


class AuthenticationError(AppError):
    status_code = 401


class PermissionDeniedError(AppError):
    status_code = 403


class NotFoundError(AppError):
    status_code = 404


class TooManyAttemptsError(AppError):
    status_code = 429

    def __init__(self, message: str, *, retry_after_seconds: int, field: str = "body") -> None:
        super().__init__(message, field=field)
        self.retry_after_seconds = retry_after_seconds
