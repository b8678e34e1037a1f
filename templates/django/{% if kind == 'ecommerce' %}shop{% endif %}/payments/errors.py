"""The payment errors: what the provider's answers become in the API (402, 502)."""

from core.errors import AppError


class PaymentDeclinedError(AppError):
    """The payment provider refused the charge (a declined card)."""

    status_code = 402


class UpstreamServiceError(AppError):
    """A service we depend on (the payment provider) failed; nothing was done."""

    status_code = 502
