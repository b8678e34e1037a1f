"""The query parameters every list accepts: `limit` and `cursor` (app/social/pagination.py)."""

from typing import Annotated

from fastapi import Query

from app.social.pagination import MAX_CURSOR_LENGTH, MAX_LIMIT

Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description=f"How many items to return (1-{MAX_LIMIT}).")
]
Cursor = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR_LENGTH,
        description="The `next_cursor` of the previous page, unchanged.",
    ),
]
