"""Read a request's JSON body and query string into Pydantic models, or answer 422.

Flask hands a view the raw request; this is the one place that turns it into typed,
checked values. Every problem becomes a RequestValidationError, which
app/core/error_handlers.py answers with 422 and the messages by field name.
"""

import json
from typing import Any, TypeVar

from flask import request
from pydantic import BaseModel, ValidationError
from werkzeug.exceptions import RequestEntityTooLarge

from app.core.hooks import MAX_BODY_BYTES, TOO_LARGE

ModelT = TypeVar("ModelT", bound=BaseModel)


class RequestValidationError(Exception):
    """The request's input breaks the rules; `errors` maps each field to its messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("The request is not valid.")
        self.errors = errors


def json_body(model: type[ModelT]) -> ModelT:
    """The request's JSON body as a `model`.

    Parsed here rather than by request.get_json(): a document nested ten thousand
    levels deep makes Python's parser raise RecursionError, which is no ValueError,
    and text with half a UTF-16 pair ("\\ud800") parses but cannot be stored.
    """
    raw = request.get_data(cache=True)
    # A body that announced its length was checked before (app/core/hooks.py); one sent
    # in chunks is read up to MAX_CONTENT_LENGTH, one byte past the cap, to tell.
    if len(raw) > MAX_BODY_BYTES:
        raise RequestEntityTooLarge(TOO_LARGE)
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        raise RequestValidationError({"body": ["must be a JSON document"]}) from None
    if not _encodable(document):
        raise RequestValidationError({"body": ["contains text that is not valid Unicode"]})
    return _validate(model, document)


def query_parameters(model: type[ModelT]) -> ModelT:
    """The query string as a `model` (numbers arrive as text; Pydantic converts them)."""
    return _validate(model, request.args.to_dict())


def _validate(model: type[ModelT], data: Any) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        errors: dict[str, list[str]] = {}
        for issue in error.errors():
            # loc is e.g. ("user", "email"): the message is about its last part.
            field = str(issue["loc"][-1]) if issue["loc"] else "body"
            errors.setdefault(field, []).append(issue["msg"])
        raise RequestValidationError(errors) from None


def _encodable(document: Any) -> bool:
    """Whether every string (keys too) can be written as UTF-8."""
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
