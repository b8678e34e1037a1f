"""Rows written safely under concurrency: rows that exist at most once (a follow, a
like), and rows that others refer to (a post and its comments)."""

from django.db import IntegrityError, models, transaction

from core.errors import NotFoundError


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


def lock(row: models.Model) -> None:
    """Lock ``row`` until the transaction ends; NotFoundError when it is gone.

    Django deletes a row's children itself (on_delete=CASCADE), then the row, and
    PostgreSQL checks foreign keys at commit: a comment added to a post while the
    post is being deleted makes one of the two fail (a 500), or both wait for each
    other. Both lock the post first, so that one waits for the other: the delete
    then takes the new comment with it, or the comment finds the post gone (a 404).
    On SQLite, writes already run one at a time (BEGIN IMMEDIATE): nothing to lock.
    """
    name = type(row)._meta.model_name or "row"
    if not type(row).objects.select_for_update().filter(pk=row.pk).values_list("pk"):
        raise NotFoundError(f"{name} not found", field=name)
