"""Building blocks shared by every domain's request and response schemas."""

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import PlainSerializer


def web_url(value: str) -> str:
    """Only web addresses: a "javascript:" or "data:" URL put in an <img src> by a
    front end is an attack. An empty string passes (it means "none")."""
    if value:
        parts = urlsplit(value)
        if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
            raise ValueError("must be an http:// or https:// URL")
    return value


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, e.g. 2026-01-02T03:04:05.678Z.

    SQLite gives back naive datetimes; everything this app stores is UTC, so a naive
    value is read as UTC. PostgreSQL gives back aware ones, converted to UTC here.
    """
    # isoformat() is a few times faster than strftime(), and a list has two per row.
    if moment.tzinfo is None:
        return moment.isoformat(timespec="milliseconds") + "Z"
    in_utc = moment.astimezone(UTC).replace(tzinfo=None)
    return in_utc.isoformat(timespec="milliseconds") + "Z"


Timestamp = Annotated[datetime, PlainSerializer(format_timestamp, return_type=str)]
