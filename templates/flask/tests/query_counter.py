"""Count the SQL statements a block of code sends, to catch N+1 queries in tests."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask
from sqlalchemy import event

from app.core.db import db


@contextmanager
def count_queries(app: Flask) -> Iterator[list[str]]:
    """Record every statement sent to `app`'s database inside the ``with`` block.

    SQLAlchemy fires ``before_cursor_execute`` once per statement, whichever
    session sends it, so the test client's requests are counted too.
    """
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])  # (connection, cursor, statement, ...)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
