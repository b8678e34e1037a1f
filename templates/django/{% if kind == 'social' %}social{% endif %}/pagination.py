"""Cursor ("keyset") pagination, used by every list of the API: {items, next_cursor}.

Why not `?page=3` (OFFSET)? Offsets shift when new rows arrive: if two posts are
published while you read page 1, page 2 starts with the last two posts of page 1
again. A cursor remembers *where* the last page ended instead, as the sort key of
its last row, e.g. (created_at, id). The next page asks for the rows that sort
after that key, which is the same set of rows however many arrived in between.

The id breaks ties: two posts can share a created_at, never an id, so the order
(created_at, id) is total and no row is skipped or repeated. The composite indexes
in the models (e.g. posts (author_id, created_at)) serve this WHERE and ORDER BY.

Clients treat the cursor as opaque (base64 of JSON) and pass it back unchanged.
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from django.db.models import Model, Q, QuerySet
from rest_framework import serializers
from rest_framework.response import Response

from core.errors import InvalidInputError

T = TypeVar("T")
M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
BAD_CURSOR = "is not a cursor this API gave out"


class PageQuerySerializer(serializers.Serializer):
    """?limit=&cursor= on every list. The bounds keep one request from asking the
    database for a million rows."""

    limit = serializers.IntegerField(min_value=1, max_value=MAX_LIMIT, default=DEFAULT_LIMIT)
    cursor = serializers.CharField(max_length=200, required=False)


@dataclass(frozen=True)
class PageParams:
    limit: int
    cursor: str | None


def page_params(query_params: Any) -> PageParams:
    """The validated ?limit= and ?cursor= of a request (422 when they are not valid)."""
    query = PageQuerySerializer(data=query_params)
    query.is_valid(raise_exception=True)
    return PageParams(
        limit=query.validated_data["limit"], cursor=query.validated_data.get("cursor")
    )


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list; next_cursor is None on the last page."""

    items: list[T]
    next_cursor: str | None


# --- lists sorted by (created_at, id) -------------------------------------------------


def time_page(
    queryset: QuerySet[M],
    params: PageParams,
    *,
    newest_first: bool,
    time_field: str = "created_at",
    id_field: str = "id",
) -> Page[M]:
    """One page of `queryset` sorted by (time_field, id_field), after params.cursor."""
    if params.cursor is not None:
        moment, row_id = _decode_time_key(params.cursor)
        before_or_after = "lt" if newest_first else "gt"
        queryset = queryset.filter(
            Q(**{f"{time_field}__{before_or_after}": moment})
            | Q(**{time_field: moment, f"{id_field}__{before_or_after}": row_id})
        )
    order = [f"-{time_field}", f"-{id_field}"] if newest_first else [time_field, id_field]
    return _page(
        queryset.order_by(*order),
        params.limit,
        lambda row: _encode([_read(row, time_field).isoformat(), _read(row, id_field)]),
    )


def _decode_time_key(cursor: str) -> tuple[datetime, int]:
    values = _decode(cursor)
    try:
        moment, row_id = values
        created_at = datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        raise InvalidInputError(BAD_CURSOR, field="cursor") from None
    if not isinstance(row_id, int) or isinstance(row_id, bool) or created_at.tzinfo is None:
        raise InvalidInputError(BAD_CURSOR, field="cursor")
    return created_at.astimezone(UTC), row_id


# --- lists sorted by one unique text column (usernames) ---------------------------


def text_page(queryset: QuerySet[M], params: PageParams, *, field: str) -> Page[M]:
    """One page of `queryset` sorted by the unique column `field`, after params.cursor."""
    if params.cursor is not None:
        values = _decode(params.cursor)
        if len(values) != 1 or not isinstance(values[0], str):
            raise InvalidInputError(BAD_CURSOR, field="cursor")
        queryset = queryset.filter(**{f"{field}__gt": values[0]})
    return _page(queryset.order_by(field), params.limit, lambda row: _encode([_read(row, field)]))


# --- shared ---------------------------------------------------------------------------


def _page(queryset: QuerySet[M], limit: int, key_of: Callable[[M], str]) -> Page[M]:
    # One row more than asked for: it only says whether there is a next page.
    rows: Sequence[M] = list(queryset[: limit + 1])
    items = list(rows[:limit])
    next_cursor = key_of(items[-1]) if len(rows) > limit else None
    return Page(items=items, next_cursor=next_cursor)


def _read(row: Any, path: str) -> Any:
    """row.a.b for the lookup path "a__b"."""
    for name in path.split("__"):
        row = getattr(row, name)
    return row


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


def page_response(page: Page[Any], serializer_class: type[serializers.Serializer]) -> Response:
    """The JSON of a page: {"items": [...], "next_cursor": "..." or null}."""
    items = serializer_class(page.items, many=True).data
    return Response({"items": items, "next_cursor": page.next_cursor})
