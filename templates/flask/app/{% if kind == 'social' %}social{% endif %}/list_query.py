"""The query parameters every list accepts: `limit` and `cursor` (app/social/pagination.py).

Views read them with app/core/validation.py's query_parameters(ListQuery), which
answers 422 when they break these bounds.
"""

from pydantic import BaseModel, Field

from app.social.pagination import MAX_CURSOR_LENGTH, MAX_LIMIT


class ListQuery(BaseModel):
    # How many items to return.
    limit: int = Field(default=20, ge=1, le=MAX_LIMIT)
    # The `next_cursor` of the previous page, unchanged.
    cursor: str | None = Field(default=None, max_length=MAX_CURSOR_LENGTH)
