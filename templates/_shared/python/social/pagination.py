"""Cursor ("keyset") pagination, used by every list of the API.

Why not `?page=3`? Offsets shift when new rows arrive: if two posts are published
while you read page 1, page 2 starts with the last two posts of page 1 again.
A cursor instead remembers *where* the last page ended, as the sort key of its
last row, e.g. (created_at, id). The next page asks for rows that sort after
that key, which is the same set of rows however many arrived in between.

The id breaks ties: two posts can share a created_at, but never an id, so the
order (created_at, id) is total and no row is skipped or repeated.

The cursor is opaque to clients (base64 of JSON): they pass it back unchanged.
"""

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, and_, or_
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import InvalidInputError

T = TypeVar("T")

# The bounds of the query parameters every list accepts (app/social/list_query.py):
# they keep one request from asking the database for a million rows.
MAX_LIMIT = 100
MAX_CURSOR_LENGTH = 200

BAD_CURSOR = "is not a cursor this API gave out"

# The largest id an INTEGER column holds (PostgreSQL's int4). A bigger number in a
# path or a body is refused with 422 instead of reaching the database as an error.
MAX_ID = 2**31 - 1


class Page(BaseModel, Generic[T]):
    """One page of a list; `next_cursor` is null on the last page."""

    items: list[T]
    next_cursor: str | None


@dataclass(frozen=True)
class TimeKey:
    """The position of a row in a list sorted by (created_at, id)."""

    created_at: datetime
    id: int


def encode_time_key(created_at: datetime, row_id: int) -> str:
    # SQLite hands back naive datetimes; everything stored is UTC.
    if created_at.tzinfo is None:
        created_at = created_at.replace(tzinfo=UTC)
    return _encode([created_at.astimezone(UTC).isoformat(), row_id])


def decode_time_key(cursor: str) -> TimeKey:
    """The key inside a cursor, or InvalidInputError (422) if it is not one of ours."""
    values = _decode(cursor)
    try:
        moment, row_id = values
        created_at = datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        raise InvalidInputError(BAD_CURSOR, field="cursor") from None
    # An id this API gave out is a positive INTEGER: a forged one beyond that range
    # would reach the database, which cannot compare it (SQLite raises OverflowError).
    valid_id = isinstance(row_id, int) and not isinstance(row_id, bool) and 1 <= row_id <= MAX_ID
    if not valid_id or created_at.tzinfo is None:
        raise InvalidInputError(BAD_CURSOR, field="cursor")
    return TimeKey(created_at=created_at.astimezone(UTC), id=row_id)


def encode_text_key(value: str) -> str:
    return _encode([value])


def decode_text_key(cursor: str) -> str:
    values = _decode(cursor)
    if len(values) != 1 or not isinstance(values[0], str):
        raise InvalidInputError(BAD_CURSOR, field="cursor")
    return str(values[0])


def after_time_key(
    key: TimeKey,
    created_at: InstrumentedAttribute[datetime],
    row_id: InstrumentedAttribute[int],
    *,
    newest_first: bool,
) -> ColumnElement[bool]:
    """SQL for "this row comes after `key`" in the list's order.

    Written out as (a < x) OR (a = x AND b < y) rather than a row comparison
    (a, b) < (x, y), which SQLite and PostgreSQL both support but SQLAlchemy
    cannot express portably; an index on created_at serves both forms.
    """
    moment = key.created_at
    if newest_first:
        return or_(created_at < moment, and_(created_at == moment, row_id < key.id))
    return or_(created_at > moment, and_(created_at == moment, row_id > key.id))


def split_page(rows: Sequence[T], limit: int) -> tuple[list[T], bool]:
    """Queries ask for limit + 1 rows: the extra one only says whether there is more."""
    return list(rows[:limit]), len(rows) > limit


def _encode(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError):  # bad base64, bad UTF-8 and bad JSON alike
        raise InvalidInputError(BAD_CURSOR, field="cursor") from None
    if not isinstance(values, list):
        raise InvalidInputError(BAD_CURSOR, field="cursor")
    return values
