"""The errors that services raise. They say what went wrong, never how HTTP shows it.

app/core/error_handlers.py holds the one map from these classes to HTTP statuses.
"""


class AppError(Exception):
    """An expected failure, reported to the client as `{"errors": {field: [message]}}`."""

    def __init__(self, message: str, *, field: str = "body") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInputError(AppError):
    """The request is well-formed but breaks a rule (a taken username, say)."""


class AuthenticationError(AppError):
    """The caller is not signed in, or the credentials or token are wrong."""


class PermissionDeniedError(AppError):
    """The caller is signed in but may not do this (edit someone else's article)."""


class NotFoundError(AppError):
    """The thing asked for does not exist."""


class TooManyAttemptsError(AppError):
    """Too many failed attempts; the caller must wait `retry_after_seconds`."""

    def __init__(self, message: str, *, retry_after_seconds: int, field: str = "body") -> None:
        super().__init__(message, field=field)
        self.retry_after_seconds = retry_after_seconds
