"""Rows written safely under concurrency: rows that exist at most once (a follow, a
like), rows that others refer to (a post and its comments), and rows named by a
unique slug (an article, a product)."""

import secrets

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


def slug_taken(model: type[models.Model], slug: str) -> bool:
    return model._default_manager.filter(slug=slug).exists()


def save_with_free_slug(row: models.Model, base: str) -> None:
    """Save ``row`` with the slug ``base``, or ``base`` and a short random suffix when
    another row has it.

    Checking first is not enough when two requests save one name at the same moment:
    both find the slug free. The unique constraint has the last word; the loser's
    save is undone alone (a savepoint) and it tries a suffixed slug. Call it inside
    the caller's transaction.
    """
    slug = base
    for _attempt in range(5):
        if not slug_taken(type(row), slug):
            row.slug = slug  # type: ignore[attr-defined]
            try:
                with transaction.atomic():
                    row.save()
                return
            except IntegrityError as error:
                if "slug" not in str(error):
                    raise
        slug = f"{base}-{secrets.token_hex(3)}"
    raise RuntimeError(f"no free slug from {base!r} after 5 tries")
