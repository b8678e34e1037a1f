"""JSON text that cannot be stored: unpaired surrogates.

JSON may write any UTF-16 code unit as an escape, so "\\ud800" is valid JSON and Python
decodes it to a one-character string. But it is half of a pair (an emoji is two such
escapes, "\\ud83d\\ude00"), not a character: UTF-8 cannot encode it, so the database
driver would fail with a 500 when storing it. Pydantic refuses it in some fields and
not in others; this check refuses it everywhere, once, with a 422 naming the field.
"""

import json
import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError

# Only an escape of U+D800-U+DFFF can bring a surrogate in: raw UTF-8 cannot encode one.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")

MESSAGE = "Input should be a valid string, unable to parse raw data as a unicode string"


async def refuse_unpaired_surrogates(request: Request) -> None:
    """A dependency of every route: 422 when the JSON body holds an unpaired surrogate.

    FastAPI has read (and parsed) the body before any dependency runs; it is read
    again here from memory, and parsed again only when it holds such an escape.
    """
    body = await request.body()
    if not _SURROGATE_ESCAPE.search(body):
        return
    try:
        document = json.loads(body)
    except ValueError:
        return  # not JSON: FastAPI has already said so, or the route reads no JSON
    location = _unpaired_surrogate_location(document)
    if location is not None:
        raise RequestValidationError(
            [{"type": "string_unicode", "loc": ("body", *location), "msg": MESSAGE}]
        )


Location = tuple[str | int, ...]


def _unpaired_surrogate_location(value: Any, location: Location = ()) -> Location | None:
    """Where in the document the first unencodable string is (a key counts too)."""
    if isinstance(value, str):
        return None if _encodable(value) else location
    if isinstance(value, dict):
        for key, item in value.items():
            if not _encodable(key):
                return (*location, key.encode("utf-8", "replace").decode())
            found = _unpaired_surrogate_location(item, (*location, key))
            if found is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _unpaired_surrogate_location(item, (*location, index))
            if found is not None:
                return found
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
