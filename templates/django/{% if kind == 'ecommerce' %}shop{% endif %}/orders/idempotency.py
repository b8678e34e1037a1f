"""Idempotency-Key: a request sent twice (a retry after a timeout) acts once.

The client sends a key of its choice with each POST that must not happen twice
(checkout, payment). The first answer for a key is stored; every repeat of the
same request gets that answer again, same status and body, and does nothing.
A repeat with a different request is refused (422). A 5xx answer (or a crash) is
not stored: the key stays unused, so the client can simply retry.

How it holds under concurrency: the key is claimed by inserting a row, and a
unique constraint on (user, key) lets only one request win. The others see the
claim and answer 409 while it runs, or replay its answer once it is done.
A claim still unfinished after PAYMENT_TIMEOUT_SECONDS was left by a server that
died mid-request: the next repeat takes it over instead of answering 409 forever.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from core.errors import AppError, BadRequestError, ConflictError, InvalidInputError
from core.exceptions import app_error_response
from shop.accounts.models import User
from shop.orders.models import IdempotencyKey

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255


def fingerprint(request: Request, body: Any) -> str:
    """A hash that is the same for the same request, whatever the JSON key order."""
    canonical = json.dumps([request.method, request.path, body], sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def run_once(
    request: Request,
    *,
    body: Any,
    status_code: int,
    action: Callable[[str], Any],
) -> Response:
    """Run `action(key)` once per key and answer with its data, or replay the stored answer.

    `body` is the validated request body (for the fingerprint); `action` gets the key.
    """
    user: User = request.user
    key = request.headers.get(HEADER, "")
    if not key:
        raise BadRequestError(f"the {HEADER} header is required", field=HEADER)
    if len(key) > MAX_KEY_LENGTH:
        raise BadRequestError(f"the {HEADER} must be at most {MAX_KEY_LENGTH} characters")
    record = _claim(user=user, key=key, request_fingerprint=fingerprint(request, body))
    if record.status_code is not None:
        return _replay(record)
    try:
        data = action(key)
    except AppError as error:
        response = app_error_response(error)
        if response.status_code >= 500:
            _release(record)
            raise
        return _store(record, response)
    except Exception:
        _release(record)
        raise
    return _store(record, Response(data, status=status_code))


def _claim(*, user: User, key: str, request_fingerprint: str) -> IdempotencyKey:
    """Our fresh claim on the key, or the finished record of an earlier request."""
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(
                user=user, key=key, fingerprint=request_fingerprint
            )
    except IntegrityError:
        pass  # someone used this key before (or is using it right now)
    existing = IdempotencyKey.objects.get(user=user, key=key)
    if existing.fingerprint != request_fingerprint:
        raise InvalidInputError(
            f"this {HEADER} was already used for a different request", field=HEADER
        )
    if existing.status_code is None and not _take_over_abandoned(existing):
        raise ConflictError(f"a request with this {HEADER} is still being processed")
    return existing


def _take_over_abandoned(claim: IdempotencyKey) -> bool:
    """Claim the key again if its first request died unfinished; True if we now own it.

    One conditional UPDATE that also renews the claim: of two repeats arriving together,
    only the first still finds it old and wins; the other gets 409, like any repeat of a
    request that is running.
    """
    now = timezone.now()
    abandoned_before = now - timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS)
    with transaction.atomic():
        taken = IdempotencyKey.objects.filter(
            pk=claim.pk, status_code__isnull=True, created_at__lt=abandoned_before
        ).update(created_at=now)
    return taken == 1


def _store(record: IdempotencyKey, response: Response) -> Response:
    """Keep the answer, then send exactly what was kept (so a replay is identical)."""
    record.status_code = response.status_code
    record.content_type = response.content_type or "application/json"
    record.body = JSONRenderer().render(response.data).decode()
    with transaction.atomic():
        record.save(update_fields=["status_code", "content_type", "body"])
    return _replay(record)


def _replay(record: IdempotencyKey) -> Response:
    return Response(
        json.loads(record.body), status=record.status_code, content_type=record.content_type
    )


def _release(record: IdempotencyKey) -> None:
    with transaction.atomic():
        record.delete()
