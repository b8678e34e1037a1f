"""Check the `Payment-Signature: t=<unix time>,v1=<hex hmac>` header of a webhook.

The provider signs "<t>.<raw body>" with HMAC-SHA256 and the secret we share
(PAYMENT_WEBHOOK_SECRET). A valid signature proves the event comes from the
provider and was not changed on the way; the timestamp, signed with it, stops an
attacker from replaying an old captured request days later.
"""

import hashlib
import hmac
import time

from core.errors import BadRequestError

TOLERANCE_SECONDS = 5 * 60


def sign(payload: bytes, *, secret: str, timestamp: int) -> str:
    """The header value for a payload: what the provider sends (and the tests too)."""
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify(header: str | None, payload: bytes, *, secret: str, now: float | None = None) -> None:
    """Raise BadRequestError unless the header signs this payload, recently."""
    if not header:
        raise BadRequestError("the Payment-Signature header is missing")
    parts = dict(part.strip().partition("=")[::2] for part in header.split(","))
    timestamp, signature = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or not signature:
        raise BadRequestError("the Payment-Signature header is malformed")
    current = time.time() if now is None else now
    # Either way: a timestamp from the future is as suspicious as an old one.
    if abs(current - int(timestamp)) > TOLERANCE_SECONDS:
        raise BadRequestError("the webhook timestamp is too far from the server's clock")
    expected = sign(payload, secret=secret, timestamp=int(timestamp)).partition(",v1=")[2]
    # compare_digest takes the same time however many characters match (no timing leak).
    if not hmac.compare_digest(expected, signature):
        raise BadRequestError("the webhook signature does not match")
