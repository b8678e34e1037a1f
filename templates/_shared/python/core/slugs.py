"""Rows named by a unique slug (an article, a product), saved safely under concurrency."""

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session


def add_with_free_slug(
    session: Session, row: Any, next_slug: Callable[[], str], *, tries: int
) -> bool:
    """Add ``row`` under the slug ``next_slug()`` gives; True once it is saved.

    Looking for a free slug first is not enough when two requests save one name at
    the same moment: both find the same slug free. The UNIQUE constraint has the
    last word; the loser's insert is undone alone (a savepoint) and it asks
    ``next_slug`` again. False when every one of the ``tries`` was refused.
    """
    for _try in range(tries):
        row.slug = next_slug()
        try:
            with session.begin_nested():
                session.add(row)
            return True  # leaving the block flushed the row: the slug is ours
        except IntegrityError as error:
            if "slug" not in str(error.orig):
                raise
    return False
