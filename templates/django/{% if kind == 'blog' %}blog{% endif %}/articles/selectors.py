"""Reads of articles and tags, in a fixed number of queries whatever the page size.

A list of 20 articles needs, for each one, its author, its tags, its favourites
count, whether the caller favourited it and whether the caller follows its author.
Asked row by row, that is 1 + 20 x 4 queries (the "N+1" problem); here it is three:
the count, the page (with the author joined and the rest computed by subqueries),
and the tags of the whole page (prefetch_related). tests/test_query_counts.py
checks it.
"""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from blog.articles.models import Article, Favorite, Tag
from blog.profiles.models import Follow
from blog.profiles.selectors import following_annotation
from blog.users.models import User
from core.errors import NotFoundError


def _favorites_count() -> Subquery:
    counts = (
        Favorite.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(count=Count("*"))
        .values("count")
    )
    return Subquery(counts, output_field=IntegerField())


def article_queryset(*, viewer: User | None) -> QuerySet[Article]:
    """Articles with everything the API shows about them, for `viewer` (None: anonymous)."""
    favorited = (
        Exists(Favorite.objects.filter(article=OuterRef("pk"), user=viewer))
        if viewer is not None
        else Value(False)
    )
    return (
        Article.objects.select_related("author")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
        .annotate(
            favorites_count=Coalesce(_favorites_count(), 0),
            favorited=favorited,
            author_following=following_annotation(viewer=viewer, user_ref="author_id"),
        )
    )


def article_list(
    *,
    viewer: User | None,
    tag: str | None = None,
    author: str | None = None,
    favorited: str | None = None,
) -> QuerySet[Article]:
    """Every article, newest first, narrowed by tag, author and who favourited it."""
    articles = article_queryset(viewer=viewer)
    if tag:
        articles = articles.filter(tags__name=tag)
    if author:
        articles = articles.filter(author__username=author)
    if favorited:
        articles = articles.filter(
            pk__in=Favorite.objects.filter(user__username=favorited).values("article_id")
        )
    return articles.order_by("-created_at", "-id")


def article_feed(*, viewer: User) -> QuerySet[Article]:
    """Articles by the authors `viewer` follows, newest first."""
    followed = Follow.objects.filter(follower=viewer).values("followed_id")
    return (
        article_queryset(viewer=viewer)
        .filter(author_id__in=followed)
        .order_by("-created_at", "-id")
    )


def article_get(*, slug: str, viewer: User | None) -> Article:
    article = article_queryset(viewer=viewer).filter(slug=slug).first()
    if article is None:
        raise NotFoundError("article not found", field="article")
    return article


def article_get_by_slug(*, slug: str) -> Article:
    """Just the article (for its comments): no author, tags or counts."""
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        raise NotFoundError("article not found", field="article")
    return article


def tag_names() -> list[str]:
    """Every tag in use by at least one article, alphabetically."""
    return list(
        Tag.objects.filter(Exists(Article.tags.through.objects.filter(tag_id=OuterRef("pk"))))
        .order_by("name")
        .values_list("name", flat=True)
    )
