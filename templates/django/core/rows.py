"""Rows that exist at most once (a follow, a like, a favourite), made safely under concurrency."""

from django.db import IntegrityError, models, transaction


def insert_once(row: models.Model) -> bool:
    """Insert ``row``; False when its unique constraint says it is already there.

    Django's get_or_create reads the existing row back after a refused insert, and
    fails with the IntegrityError when a concurrent request deleted that row in
    between (a like and an unlike at the same moment): a 500. Here a refused
    insert simply means "already there", which is all a repeat needs to know.
    Call it inside the caller's transaction: the insert runs in a savepoint, so a
    refusal undoes only the insert.
    """
    try:
        with transaction.atomic():
            row.save(force_insert=True)
    except IntegrityError:
        return False
    return True
