"""Articles, the feed, favourites and tags."""

from typing import Any

from flask import Blueprint
from pydantic import BaseModel, Field

from app.blog.articles import service
from app.blog.articles.models import Article
from app.blog.articles.schemas import (
    ArticleCreateRequest,
    ArticlePublic,
    ArticleResponse,
    ArticlesResponse,
    ArticleSummary,
    ArticleUpdateRequest,
    TagsResponse,
)
from app.blog.articles.service import ArticlePage, ArticleView
from app.blog.profiles.service import to_profile
from app.blog.responses import to_json
from app.core.auth import current_user, login_required, viewer
from app.core.db import session
from app.core.errors import PermissionDeniedError
from app.core.validation import json_body, query_parameters

blueprint = Blueprint("articles", __name__, url_prefix="/articles")
tags = Blueprint("tags", __name__, url_prefix="/tags")

MAX_SLUG_LENGTH = 255


# Bounds keep one request from asking the database for a million rows.
class Page(BaseModel):
    limit: int = Field(default=20, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=1_000_000)


class ArticleFilters(Page):
    tag: str | None = Field(default=None, max_length=100)
    author: str | None = Field(default=None, max_length=100)
    favorited: str | None = Field(default=None, max_length=100)


def get_article(slug: str, *, check_author: bool = False) -> Article:
    """The article with this slug (404 if none); with check_author, only if the
    signed-in user wrote it (403 otherwise): only its author may change it."""
    if len(slug) > MAX_SLUG_LENGTH:
        slug = ""  # longer than any slug: not found, without asking the database to compare
    article = service.get_article_by_slug(session(), slug=slug)
    if check_author and article.author_id != current_user().id:
        raise PermissionDeniedError("only the author may change this article", field="article")
    return article


def _article_fields(view: ArticleView) -> dict[str, Any]:
    article = view.article
    return {
        "slug": article.slug,
        "title": article.title,
        "description": article.description,
        "tag_list": view.tag_list,
        "created_at": article.created_at,
        "updated_at": article.updated_at,
        "favorited": view.favorited,
        "favorites_count": view.favorites_count,
        "author": to_profile(article.author, following=view.author_followed),
    }


def article_response(view: ArticleView) -> dict[str, Any]:
    public = ArticlePublic(**_article_fields(view), body=view.article.body)
    return to_json(ArticleResponse(article=public))


def articles_response(page: ArticlePage) -> dict[str, Any]:
    articles = [ArticleSummary(**_article_fields(view)) for view in page.views]
    return to_json(ArticlesResponse(articles=articles, articles_count=page.total))


def _view(article: Article) -> dict[str, Any]:
    return article_response(service.get_article_view(session(), article=article, viewer=viewer()))


@blueprint.get("")
def list_articles() -> dict[str, Any]:
    """Recent articles from everyone, newest first, optionally filtered."""
    filters = query_parameters(ArticleFilters)
    page = service.list_articles(
        session(),
        viewer=viewer(),
        tag=filters.tag,
        author=filters.author,
        favorited_by=filters.favorited,
        limit=filters.limit,
        offset=filters.offset,
    )
    return articles_response(page)


@blueprint.get("/feed")
@login_required
def read_feed() -> dict[str, Any]:
    """Recent articles by the authors you follow, newest first."""
    page = query_parameters(Page)
    return articles_response(
        service.feed(session(), viewer=current_user(), limit=page.limit, offset=page.offset)
    )


@blueprint.post("")
@login_required
def create_article() -> tuple[dict[str, Any], int]:
    """Publish an article; its slug is made from the title."""
    body = json_body(ArticleCreateRequest)
    article = service.create_article(session(), author=current_user(), data=body.article)
    return _view(article), 201


@blueprint.get("/<slug>")
def read_article(slug: str) -> dict[str, Any]:
    """One article, in full."""
    return _view(get_article(slug))


@blueprint.put("/<slug>")
@login_required
def update_article(slug: str) -> dict[str, Any]:
    """Change your article; only the fields sent are changed."""
    article = get_article(slug, check_author=True)
    body = json_body(ArticleUpdateRequest)
    return _view(service.update_article(session(), article=article, changes=body.article))


@blueprint.delete("/<slug>")
@login_required
def delete_article(slug: str) -> tuple[str, int]:
    """Delete your article, with its comments and favourites."""
    service.delete_article(session(), article=get_article(slug, check_author=True))
    return "", 204


@blueprint.post("/<slug>/favorite")
@login_required
def favorite_article(slug: str) -> dict[str, Any]:
    """Add an article to your favourites."""
    article = get_article(slug)
    service.favorite_article(session(), article=article, user=current_user())
    return _view(article)


@blueprint.delete("/<slug>/favorite")
@login_required
def unfavorite_article(slug: str) -> dict[str, Any]:
    """Remove an article from your favourites."""
    article = get_article(slug)
    service.unfavorite_article(session(), article=article, user=current_user())
    return _view(article)


@tags.get("")
def list_tags() -> dict[str, Any]:
    """Every tag in use, alphabetically."""
    return to_json(TagsResponse(tags=service.list_tags(session())))
