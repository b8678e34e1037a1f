"""shop/payments/signatures.py: the HMAC and its 5-minute window, either way."""

import pytest

from core.errors import BadRequestError
from shop.payments.signatures import sign, verify

NOW = 1_800_000_000


@pytest.mark.parametrize("offset", [-300, 0, 300])
def test_a_signature_within_five_minutes_should_pass(offset: int):
    header = sign(b"{}", secret="s3cret", timestamp=NOW + offset)

    verify(header, b"{}", secret="s3cret", now=NOW)  # does not raise


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "v1=abc",
        "t=abc,v1=abc",
        sign(b"{}", secret="other", timestamp=NOW),
        sign(b"{ }", secret="s3cret", timestamp=NOW),
        sign(b"{}", secret="s3cret", timestamp=NOW - 301),
        sign(b"{}", secret="s3cret", timestamp=NOW + 301),
    ],
)
def test_a_missing_wrong_or_stale_signature_should_be_refused(header: str | None):
    with pytest.raises(BadRequestError):
        verify(header, b"{}", secret="s3cret", now=NOW)


@pytest.mark.parametrize("timestamp", ["²", "\u0661" * 10, "9" * 5000], ids=["²", "arabic", "5000"])
def test_only_ascii_digits_of_a_sensible_length_should_be_a_timestamp(timestamp: str):
    with pytest.raises(BadRequestError, match="malformed"):
        verify(f"t={timestamp},v1={'0' * 64}", b"{}", secret="webhook-secret")
