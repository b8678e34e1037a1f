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

from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.db import utc_now
from app.core.error_handlers import app_error_response
from app.core.errors import AppError, BadRequestError, ConflictError, InvalidInputError
from app.shop.accounts.models import User
from app.shop.orders.models import IdempotencyKey

MAX_KEY_LENGTH = 255


def fingerprint(method: str, path: str, body: dict[str, Any]) -> str:
    """A hash that is the same for the same request, whatever the JSON key order."""
    canonical = json.dumps([method, path, body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def run_once(
    session: Session,
    *,
    user: User,
    key: str | None,
    request_fingerprint: str,
    status_code: int,
    action: Callable[[], BaseModel],
) -> Response:
    """Run `action` once per key and answer with its result, or replay the stored answer."""
    if not key:
        raise BadRequestError("The Idempotency-Key header is required.")
    if len(key) > MAX_KEY_LENGTH:
        raise BadRequestError(f"The Idempotency-Key must be at most {MAX_KEY_LENGTH} characters.")
    stored = _claim(session, user=user, key=key, request_fingerprint=request_fingerprint)
    if stored is not None:
        return _replay(stored)
    try:
        result = action()
    except AppError as error:
        response: Response = app_error_response(error)
        if response.status_code >= 500:
            _release(session, user=user, key=key)
            raise
        _store(session, user=user, key=key, response=response)
        raise
    except Exception:
        _release(session, user=user, key=key)
        raise
    response = Response(
        result.model_dump_json(), status_code=status_code, media_type="application/json"
    )
    _store(session, user=user, key=key, response=response)
    return response


def _replay(stored: IdempotencyKey) -> Response:
    """The stored answer, byte for byte (_claim returns finished records only)."""
    status_code = stored.status_code if stored.status_code is not None else 500
    return Response(stored.body, status_code=status_code, media_type=stored.media_type)


def _claim(
    session: Session, *, user: User, key: str, request_fingerprint: str
) -> IdempotencyKey | None:
    """Claim the key (None), or return the finished answer to replay."""
    session.add(IdempotencyKey(user_id=user.id, key=key, fingerprint=request_fingerprint))
    try:
        session.commit()
        return None
    except IntegrityError:
        session.rollback()  # someone used this key before (or is using it right now)
    existing = session.scalars(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    ).one()
    if existing.fingerprint != request_fingerprint:
        raise InvalidInputError(
            "This Idempotency-Key was already used for a different request.",
            field="Idempotency-Key",
        )
    if existing.status_code is None or existing.body is None:
        if _take_over_abandoned(session, existing):
            return None
        raise ConflictError("A request with this Idempotency-Key is still being processed.")
    return existing


def _take_over_abandoned(session: Session, claim: IdempotencyKey) -> bool:
    """Claim the key again if its first request died unfinished; True if we now own it.

    One conditional UPDATE that also renews the claim: of two repeats arriving together,
    only the first still finds it old and wins; the other gets 409, like any repeat of a
    request that is running.
    """
    now = utc_now()
    abandoned_before = now - timedelta(seconds=settings.PAYMENT_TIMEOUT_SECONDS)
    result = session.execute(
        update(IdempotencyKey)
        .where(
            IdempotencyKey.id == claim.id,
            IdempotencyKey.status_code.is_(None),
            IdempotencyKey.created_at < abandoned_before,
        )
        .values(created_at=now)
        # Ask the database which row changed: re-checking the WHERE in Python would
        # compare SQLite's zone-less datetimes with an aware one, and fail.
        .execution_options(synchronize_session="fetch")
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _store(session: Session, *, user: User, key: str, response: Response) -> None:
    session.rollback()  # whatever the action left half-done is not ours to commit
    record = session.scalars(
        select(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    ).one()
    record.status_code = response.status_code
    record.media_type = response.media_type
    record.body = bytes(response.body).decode()
    session.commit()


def _release(session: Session, *, user: User, key: str) -> None:
    session.rollback()
    session.execute(
        delete(IdempotencyKey).where(IdempotencyKey.user_id == user.id, IdempotencyKey.key == key)
    )
    session.commit()
