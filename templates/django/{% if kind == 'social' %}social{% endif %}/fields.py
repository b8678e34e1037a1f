"""Input checks that several apps share: ids in paths, and the bodies of posts and comments."""

from typing import Any

from rest_framework import serializers

from core.errors import InvalidInputError

# The largest id the id columns hold (BigAutoField: a signed 64-bit integer). A bigger
# number in a path or a body is refused with 422 before it reaches the database, which
# would fail on it (PostgreSQL: "out of range"; SQLite: "Python int too large").
MAX_ID = 2**63 - 1


def checked_id(value: int, *, field: str = "id") -> int:
    """The id from a path (<int:...> already made it digits only), or 422 if too large."""
    if not 1 <= value <= MAX_ID:
        raise InvalidInputError(f"must be between 1 and {MAX_ID}", field=field)
    return value


class IdField(serializers.IntegerField):
    """An id in a request body."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class TextBodyField(serializers.CharField):
    """The text of a post or a comment: stored exactly as sent, never trimmed.

    A body of only white space counts as empty (str.strip() knows every Unicode space,
    such as U+3000). Python's len(), which max_length uses, counts Unicode code points,
    so an emoji counts as one character, as the contract says.
    """

    def __init__(self, *, max_length: int, **kwargs: Any) -> None:
        super().__init__(max_length=max_length, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        if not value.strip():
            raise serializers.ValidationError("must not be empty")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate such as "\ud800" in the JSON
            raise serializers.ValidationError("must be valid Unicode text") from None
        return value
