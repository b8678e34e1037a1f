"""Ids in URL paths (/products/<id>), read as the schemas read ids in bodies.

Flask's `int` converter would answer 404 to `/products/abc` and let an id beyond the
INTEGER column's range through to the database driver, which fails on it; here both
are 422, naming the parameter, like any other invalid input.
"""

from app.core.validation import RequestValidationError
from app.shop.catalog.schemas import MAX_INT


def path_id(value: str, *, name: str) -> int:
    """`value` as an id from 1 to MAX_INT, or 422."""
    if not value.isascii() or not value.isdigit() or len(value) > len(str(MAX_INT)):
        raise RequestValidationError({name: ["must be a whole number from 1"]})
    number = int(value)
    if not 1 <= number <= MAX_INT:
        raise RequestValidationError({name: [f"must be from 1 to {MAX_INT}"]})
    return number
