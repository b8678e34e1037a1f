"""The payment errors: what the provider's answers become (app/core/error_handlers.py
gives them 402 and 502)."""

from app.core.errors import AppError


class PaymentDeclinedError(AppError):
    """The payment provider refused the charge (a declined card)."""


class UpstreamServiceError(AppError):
    """A service we depend on (the payment provider) failed; nothing was done."""
