"""Articles, tags and favourites. No HTTP in here.

Reading lists without the "N+1 queries" problem is the heart of this module:
a page of 20 articles needs each one's author, tags, favourite count, and whether
the caller follows the author and has favourited the article. Asked one by one,
that is 1 + 20 x 4 queries; here it is always 2 (count, page). The page is read as
plain columns, not ORM objects: a list only shows its articles, and building an
object per article and per author costs more than the query that reads them. The
tags come with each article (articles.tag_list), kept in step with article_tags
whenever they are set. For the same reason each kind of list has its two statements
built once (_list_statements), what changes per request passed as parameters.
"""

import functools
import itertools
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    Select,
    bindparam,
    delete,
    exists,
    false,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.sql.selectable import ScalarSelect

from app.blog.accounts.models import User
from app.blog.articles.models import Article, Favorite, Tag, article_tags
from app.blog.articles.schemas import ArticleCreate, ArticleSummary, ArticleUpdate
from app.blog.profiles.models import Follow
from app.blog.profiles.service import is_followed_by
{%- if cache == 'redis' %}
from app.core.cache import cache
{%- endif %}
from app.core.errors import NotFoundError
from app.core.slugs import add_with_free_slug
{%- if cache == 'redis' %}

#: The cache scope of the tag list and the anonymous article lists (app/core/cache.py).
#: Every write below that changes what they show makes it old once it has committed.
ARTICLES_CACHE = "articles"
{%- endif %}


@dataclass(frozen=True)
class ArticleView:
    """An article with the facts that depend on other rows and on who is asking."""

    article: Article
    tag_list: list[str]
    favorited: bool
    favorites_count: int
    author_followed: bool


#: Turns a page of summaries (plain dicts) into ArticleSummary models.
SUMMARIES = TypeAdapter(list[ArticleSummary])


@dataclass(frozen=True)
class ArticlePage:
    articles: list[ArticleSummary]
    total: int


def list_articles(
    session: Session,
    *,
    viewer: User | None,
    tag: str | None = None,
    author: str | None = None,
    favorited_by: str | None = None,
    limit: int,
    offset: int,
) -> ArticlePage:
    """Newest first, optionally only those with a tag, by an author, or liked by a user."""
    asked = {"tag": tag, "author": author, "favorited_by": favorited_by}
    filters = {name: value for name, value in asked.items() if value}
    return _page(session, viewer=viewer, filters=filters, limit=limit, offset=offset)


def feed(session: Session, *, viewer: User, limit: int, offset: int) -> ArticlePage:
    """Newest first, only by the authors that `viewer` follows."""
    filters = {"followed_by": viewer.id}
    return _page(session, viewer=viewer, filters=filters, limit=limit, offset=offset)


def get_article_view(session: Session, *, article: Article, viewer: User | None) -> ArticleView:
    query = _views_query(viewer).where(Article.id == article.id)
    # one(): NoResultFound (404) if a concurrent request deleted the article meanwhile.
    return _to_view(session.execute(query).one())


def get_article_by_slug(session: Session, *, slug: str) -> Article:
    # Tags are loaded because an update or delete changes the article's tag links.
    query = select(Article).where(Article.slug == slug).options(selectinload(Article.tags))
    article = session.scalar(query)
    if article is None:
        raise NotFoundError("article not found", field="article")
    return article


def create_article(session: Session, *, author: User, data: ArticleCreate) -> Article:
    article = Article(
        title=data.title, description=data.description, body=data.body, author_id=author.id
    )
    _set_tags(session, article, data.tag_list)
    _save_with_unique_slug(session, article, data.title)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}
    return article


def update_article(session: Session, *, article: Article, changes: ArticleUpdate) -> Article:
    # Lock the article's row and read it again: two updates at once would otherwise both
    # replace the tag links they read before the other committed (PostgreSQL; SQLite
    # lets one writer in at a time anyway).
    session.refresh(article, with_for_update=True)
    if changes.title is not None and changes.title != article.title:
        article.title = changes.title
        # The slug follows the title, so links keep describing the article.
        _save_with_unique_slug(session, article, changes.title)
    if changes.description is not None:
        article.description = changes.description
    if changes.body is not None:
        article.body = changes.body
    if changes.tag_list is not None:
        _set_tags(session, article, changes.tag_list)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}
    return article


def delete_article(session: Session, *, article: Article) -> None:
    # Its comments, favourites and tag links go with it (ON DELETE CASCADE).
    session.delete(article)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}


def favorite_article(session: Session, *, article: Article, user: User) -> None:
    """Favouriting twice changes nothing."""
    if session.get(Favorite, (user.id, article.id)) is not None:
        return
    session.add(Favorite(user_id=user.id, article_id=article.id))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # a concurrent request favourited it first: same result
{%- if cache == 'redis' %}
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}


def unfavorite_article(session: Session, *, article: Article, user: User) -> None:
    """Unfavouriting what is not a favourite changes nothing.

    One DELETE statement, not load-then-delete: when two unfavourites arrive at once,
    the second finds no row and changes nothing, instead of deleting an object whose
    row is already gone.
    """
    session.execute(
        delete(Favorite).where(Favorite.user_id == user.id, Favorite.article_id == article.id)
    )
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(ARTICLES_CACHE)
{%- endif %}


def list_tags(session: Session) -> list[str]:
    """Every tag that at least one article uses, alphabetically."""
    in_use = exists().where(article_tags.c.tag_id == Tag.id)
    return list(session.scalars(select(Tag.name).where(in_use).order_by(Tag.name)))


def slugify(title: str) -> str:
    """'Héllo, World!' -> 'hello-world'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:200].rstrip("-") or "article"


def slug_taken(session: Session, slug: str) -> bool:
    """Whether an article already has this slug."""
    return bool(session.scalar(select(exists().where(Article.slug == slug))))


def _save_with_unique_slug(session: Session, article: Article, title: str) -> None:
    """Give the article a slug made from its title that no other article has.

    Two articles may share a title: a short random suffix keeps their slugs apart.
    """
    base = slugify(title)
    suffixed = (f"{base}-{secrets.token_hex(3)}" for _ in itertools.count())
    candidates = itertools.chain([base], suffixed)

    def next_slug() -> str:
        return next(slug for slug in candidates if not slug_taken(session, slug))

    if not add_with_free_slug(session, article, next_slug, tries=5):
        raise RuntimeError(f"no free slug for {title!r} after 5 tries")


def _set_tags(session: Session, article: Article, names: list[str]) -> None:
    """Link the article to these tags, and keep its tag_list (what lists show) the same."""
    article.tags = _tags_named(session, names)
    article.tag_list = [tag.name for tag in article.tags]


def _tags_named(session: Session, names: list[str]) -> list[Tag]:
    """The Tag rows for these names, creating the missing ones."""
    if not names:
        return []
    known = set(session.scalars(select(Tag.name).where(Tag.name.in_(names))))
    for name in names:
        if name in known:
            continue
        try:
            # A savepoint: if another request creates the same tag at the same
            # moment, only this insert is undone, not the whole transaction.
            with session.begin_nested():
                session.add(Tag(name=name))
        except IntegrityError:
            pass
    return list(session.scalars(select(Tag).where(Tag.name.in_(names)).order_by(Tag.name)))


def _per_row_facts(
    viewer_id: int | ColumnElement[int] | None,
) -> tuple[ColumnElement[Any], ...]:
    """An article's facts that depend on other rows and on who is asking (favorited,
    favorites_count, author_followed), computed by the database in the same query.
    `viewer_id` is the reader's id (a bound parameter in a list), None for nobody."""
    favorites_count: ScalarSelect[int] = (
        select(func.count(Favorite.user_id))
        .where(Favorite.article_id == Article.id)
        .correlate(Article)
        .scalar_subquery()
    )
    favorited: ColumnElement[bool] = (
        exists().where(Favorite.article_id == Article.id, Favorite.user_id == viewer_id)
        if viewer_id is not None
        else false()
    )
    return (
        favorited.label("favorited"),
        favorites_count.label("favorites_count"),
        is_followed_by(viewer_id, Article.author_id).label("author_followed"),
    )


def _views_query(viewer: User | None) -> Select[Article, bool, int, bool]:
    """SELECT whole articles (one is shown in full) with their per-row facts."""
    viewer_id = viewer.id if viewer is not None else None
    return select(Article, *_per_row_facts(viewer_id)).options(
        joinedload(Article.author),  # same query: one JOIN, authors come with their articles
    )


def _summaries_query(viewer_id: ColumnElement[int] | None) -> Select[Any]:
    """SELECT what a list shows of each article, as plain columns (rows, not objects)."""
    return select(
        Article.slug,
        Article.title,
        Article.description,
        Article.tag_list,
        Article.created_at,
        Article.updated_at,
        User.username,
        User.bio,
        User.image,
        *_per_row_facts(viewer_id),
    ).join(User, User.id == Article.author_id)


def _liked_by(username: BindParameter[str]) -> ColumnElement[bool]:
    liked_ids = (
        select(Favorite.article_id)
        .join(User, User.id == Favorite.user_id)
        .where(User.username == username)
    )
    return Article.id.in_(liked_ids)


def _by_followed_authors(follower_id: BindParameter[int]) -> ColumnElement[bool]:
    followed_ids = select(Follow.followed_id).where(Follow.follower_id == follower_id)
    return Article.author_id.in_(followed_ids)


#: What each list filter keeps, given the bound parameter that will hold its value.
FILTERS: dict[str, Callable[[BindParameter[Any]], ColumnElement[bool]]] = {
    "tag": lambda name: Article.tags.any(Tag.name == name),
    "author": lambda username: Article.author.has(User.username == username),
    "favorited_by": _liked_by,
    "followed_by": _by_followed_authors,
}


@functools.cache
def _list_statements(filters: tuple[str, ...], signed_in: bool) -> tuple[Select[Any], Select[Any]]:
    """The count and the page of a list with these filters, built once per kind of list.

    Building a statement, and the key SQLAlchemy finds its compiled SQL by, costs more
    than SQLite takes to run it. A statement built once keeps its key; the filters'
    values, the reader's id and the page bounds are bound parameters (named after them).
    """
    conditions = [FILTERS[name](bindparam(name)) for name in filters]
    count = select(func.count()).select_from(Article).where(*conditions)
    page = (
        _summaries_query(bindparam("viewer_id") if signed_in else None)
        .where(*conditions)
        .order_by(Article.created_at.desc(), Article.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )
    return count, page


def _page(
    session: Session,
    *,
    viewer: User | None,
    filters: dict[str, Any],
    limit: int,
    offset: int,
) -> ArticlePage:
    count, page = _list_statements(tuple(sorted(filters)), viewer is not None)
    viewer_id = viewer.id if viewer is not None else None
    parameters = {**filters, "viewer_id": viewer_id, "limit": limit, "offset": offset}
    total = session.scalar(count, parameters) or 0
    rows = session.execute(page, parameters)
    # One call validates the whole page (pydantic-core's loop, not 40 models' __init__).
    articles = SUMMARIES.validate_python([_summary(row) for row in rows])
    return ArticlePage(articles=articles, total=total)


def _summary(row: Row[Any]) -> dict[str, Any]:
    """What ArticleSummary is made of, from one row of the page."""
    author = {
        "username": row.username,
        "bio": row.bio,
        "image": row.image,
        "following": bool(row.author_followed),
    }
    return {
        "slug": row.slug,
        "title": row.title,
        "description": row.description,
        "tag_list": row.tag_list,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "favorited": bool(row.favorited),
        "favorites_count": row.favorites_count,
        "author": author,
    }


def _to_view(row: Row[Article, bool, int, bool]) -> ArticleView:
    article, favorited, favorites_count, author_followed = row
    return ArticleView(
        article=article,
        tag_list=article.tag_list,
        favorited=bool(favorited),
        favorites_count=favorites_count,
        author_followed=bool(author_followed),
    )
