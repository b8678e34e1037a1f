"""The payment provider, behind one small interface.

The shop only ever talks to a `PaymentProvider`. The default is an offline sandbox
that behaves like a card processor, so the whole checkout works with no account
anywhere. To take real payments, write a class with the same two methods that calls
your provider's API (Stripe, Adyen, Mollie...), and name it in the settings:
PAYMENT_PROVIDER=my_shop.stripe_provider:StripeProvider
"""

import importlib
import threading
import uuid
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from django.conf import settings

from core.errors import PaymentDeclinedError, UpstreamServiceError


@dataclass(frozen=True)
class Charge:
    """A successful charge, as the provider reports it."""

    id: str
    amount_cents: int
    currency: str


class PaymentProvider(Protocol):
    """What the shop needs from a payment provider.

    Both calls take an idempotency key and pass it on to the provider: if our
    request times out and we try again, the provider sees the same key and does not
    charge (or refund) a second time.
    Raise PaymentDeclinedError when the card is refused (the API answers 402) and
    UpstreamServiceError when the provider fails and nothing was charged (502).
    """

    def charge(
        self, *, amount_cents: int, currency: str, token: str, idempotency_key: str
    ) -> Charge: ...

    def refund(self, *, charge_id: str, amount_cents: int, idempotency_key: str) -> None: ...


class SandboxProvider:
    """An offline card processor with three test cards.

    - tok_visa succeeds;
    - tok_declined is declined (any other token too);
    - tok_error fails as an outage: nothing is charged, the client may retry.
    It remembers charges and refunds in memory, by idempotency key.
    """

    def __init__(self) -> None:
        self.charges: dict[str, Charge] = {}
        self.refunds: dict[str, str] = {}
        self._lock = threading.Lock()

    def charge(
        self, *, amount_cents: int, currency: str, token: str, idempotency_key: str
    ) -> Charge:
        if token == "tok_error":  # noqa: S105 (a test card, not a secret)
            raise UpstreamServiceError(
                "the payment provider is unavailable; nothing was charged, try again later"
            )
        if token != "tok_visa":  # noqa: S105
            raise PaymentDeclinedError("the card was declined", field="payment_token")
        with self._lock:
            # The same key twice is the same charge: a retry never charges again.
            if idempotency_key not in self.charges:
                self.charges[idempotency_key] = Charge(
                    id=f"ch_sandbox_{uuid.uuid4().hex}",
                    amount_cents=amount_cents,
                    currency=currency,
                )
            return self.charges[idempotency_key]

    def refund(self, *, charge_id: str, amount_cents: int, idempotency_key: str) -> None:
        with self._lock:
            self.refunds.setdefault(idempotency_key, charge_id)


def load_provider(name: str) -> PaymentProvider:
    """ "sandbox", or "package.module:ClassName" of a class built with no arguments."""
    if name == "sandbox":
        return SandboxProvider()
    module_name, _, class_name = name.partition(":")
    provider_class = getattr(importlib.import_module(module_name), class_name)
    provider: PaymentProvider = provider_class()
    return provider


@cache
def get_payment_provider() -> PaymentProvider:
    """The provider named by PAYMENT_PROVIDER, made once per process."""
    return load_provider(settings.PAYMENT_PROVIDER)
