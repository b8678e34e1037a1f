"""Writes to articles: create, change, delete, favourite. Views call these.

Each write runs in one transaction (on SQLite it starts with BEGIN IMMEDIATE: see
DATABASES in config/settings/base.py). The article being changed is locked with
select_for_update() on PostgreSQL, so two concurrent edits apply one after the other.
"""

from typing import Any

from django.db import transaction
from django.utils.text import slugify

from blog.articles.models import Article, Favorite, Tag
from blog.users.models import User
from core.rows import insert_once, lock, save_with_free_slug


def _slug_base(title: str) -> str:
    return slugify(title)[:200].strip("-") or "article"


def _set_tags(article: Article, names: list[str]) -> None:
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=name) for name in names if name not in existing]
    # ignore_conflicts: another request may create the same tag at the same moment.
    Tag.objects.bulk_create(missing, ignore_conflicts=True)
    article.tags.set(Tag.objects.filter(name__in=names))


def article_create(
    *, author: User, title: str, description: str, body: str, tag_list: list[str]
) -> Article:
    with transaction.atomic():
        article = Article(title=title, description=description, body=body, author=author)
        save_with_free_slug(article, _slug_base(title))
        _set_tags(article, tag_list)
    return article


def article_update(*, article: Article, changes: dict[str, Any]) -> Article:
    """Change only the fields given. A new title gives a new slug."""
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        tag_list = changes.pop("tag_list", None)
        for field, value in changes.items():
            setattr(locked, field, value)
        if "title" in changes and changes["title"] != article.title:
            save_with_free_slug(locked, _slug_base(changes["title"]))
        else:
            locked.save()
        if tag_list is not None:
            _set_tags(locked, tag_list)
    return locked


def article_delete(*, article: Article) -> None:
    with transaction.atomic():
        # Its comments, favourites and tag links go with it (on_delete=CASCADE), and
        # none is added meanwhile.
        lock(article)
        article.delete()


def favorite_create(*, user: User, article: Article) -> None:
    """Favouriting twice counts once (the unique constraint on user and article)."""
    with transaction.atomic():
        lock(article)  # not deleted while the favourite is added
        insert_once(Favorite(user=user, article=article))


def favorite_delete(*, user: User, article: Article) -> None:
    with transaction.atomic():
        Favorite.objects.filter(user=user, article=article).delete()
