"""Turn a Pydantic response model into the JSON body Flask sends."""

from typing import Any

from pydantic import BaseModel


def to_json(model: BaseModel) -> dict[str, Any]:
    """The body Flask sends for `model` (a view may return a dict, and a status)."""
    return model.model_dump(mode="json")
