"""The errors that services raise. They say what went wrong, never how HTTP shows it.

app/core/error_handlers.py holds the one map from these classes to HTTP statuses.
"""

from typing import Any


class AppError(Exception):
    """An expected failure, reported to the client in the API's error shape.

    `field` names the input the message is about (shown for validation failures);
    `extensions` are extra members some errors carry (e.g. which products ran short).
    """

    def __init__(
        self, message: str, *, field: str = "body", extensions: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.extensions = extensions or {}


class BadRequestError(AppError):
    """The request itself is unusable (a required header is missing, a signature is bad)."""


class InvalidInputError(AppError):
    """The request is well-formed but breaks a rule (a taken username, say)."""


class AuthenticationError(AppError):
    """The caller is not signed in, or the credentials or token are wrong."""


class PermissionDeniedError(AppError):
    """The caller is signed in but may not do this (change someone else's data)."""


class NotFoundError(AppError):
    """The thing asked for does not exist."""


class ConflictError(AppError):
    """The request clashes with the current state (an e-mail address already taken)."""


class TooManyAttemptsError(AppError):
    """Too many failed attempts; the caller must wait `retry_after_seconds`."""

    def __init__(self, message: str, *, retry_after_seconds: int, field: str = "body") -> None:
        super().__init__(message, field=field)
        self.retry_after_seconds = retry_after_seconds
{%- if cache == 'redis' %}


class LoginLimitsUnavailableError(TooManyAttemptsError):
    """The sign-in attempts cannot be counted (Redis does not answer), so the sign-in is
    refused for now: without the counts nothing would stop a password guesser."""
{%- endif %}
