"""Articles, the feed, favourites and tags (plain `def` routes: see app/blog/accounts/router.py)."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from app.blog.accounts.dependencies import CurrentUser, OptionalUser
from app.blog.articles import service
from app.blog.articles.dependencies import ArticleBySlug, OwnArticle
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
from app.core.db import SessionDep
from app.core.openapi import error_responses

router = APIRouter(prefix="/articles", tags=["Articles"])
tags_router = APIRouter(prefix="/tags", tags=["Tags"])

# Bounds keep one request from asking the database for a million rows.
Limit = Annotated[int, Query(ge=1, le=100, description="How many articles to return.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="How many articles to skip.")]
Filter = Annotated[str | None, Query(max_length=100)]


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


def article_response(view: ArticleView) -> ArticleResponse:
    return ArticleResponse(article=ArticlePublic(**_article_fields(view), body=view.article.body))


def articles_response(page: ArticlePage) -> ArticlesResponse:
    articles = [ArticleSummary(**_article_fields(view)) for view in page.views]
    return ArticlesResponse(articles=articles, articles_count=page.total)


@router.get("", response_model=ArticlesResponse)
def list_articles(
    *,
    session: SessionDep,
    viewer: OptionalUser,
    tag: Filter = None,
    author: Filter = None,
    favorited: Filter = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> ArticlesResponse:
    """Recent articles from everyone, newest first, optionally filtered."""
    page = service.list_articles(
        session,
        viewer=viewer,
        tag=tag,
        author=author,
        favorited_by=favorited,
        limit=limit,
        offset=offset,
    )
    return articles_response(page)


@router.get("/feed", response_model=ArticlesResponse)
def read_feed(
    *, session: SessionDep, user: CurrentUser, limit: Limit = 20, offset: Offset = 0
) -> ArticlesResponse:
    """Recent articles by the authors you follow, newest first."""
    return articles_response(service.feed(session, viewer=user, limit=limit, offset=offset))


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ArticleResponse)
def create_article(
    *, session: SessionDep, user: CurrentUser, body: ArticleCreateRequest
) -> ArticleResponse:
    """Publish an article; its slug is made from the title."""
    article = service.create_article(session, author=user, data=body.article)
    return article_response(service.get_article_view(session, article=article, viewer=user))


@router.get("/{slug}", response_model=ArticleResponse)
def read_article(
    *, session: SessionDep, viewer: OptionalUser, article: ArticleBySlug
) -> ArticleResponse:
    """One article, in full."""
    return article_response(service.get_article_view(session, article=article, viewer=viewer))


@router.put("/{slug}", response_model=ArticleResponse, responses=error_responses(403))
def update_article(
    *, session: SessionDep, user: CurrentUser, article: OwnArticle, body: ArticleUpdateRequest
) -> ArticleResponse:
    """Change your article; only the fields sent are changed."""
    article = service.update_article(session, article=article, changes=body.article)
    return article_response(service.get_article_view(session, article=article, viewer=user))


@router.delete("/{slug}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(403))
def delete_article(*, session: SessionDep, article: OwnArticle) -> Response:
    """Delete your article, with its comments and favourites."""
    service.delete_article(session, article=article)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{slug}/favorite", response_model=ArticleResponse)
def favorite_article(
    *, session: SessionDep, user: CurrentUser, article: ArticleBySlug
) -> ArticleResponse:
    """Add an article to your favourites."""
    service.favorite_article(session, article=article, user=user)
    return article_response(service.get_article_view(session, article=article, viewer=user))


@router.delete("/{slug}/favorite", response_model=ArticleResponse)
def unfavorite_article(
    *, session: SessionDep, user: CurrentUser, article: ArticleBySlug
) -> ArticleResponse:
    """Remove an article from your favourites."""
    service.unfavorite_article(session, article=article, user=user)
    return article_response(service.get_article_view(session, article=article, viewer=user))


@tags_router.get("", response_model=TagsResponse)
def list_tags(*, session: SessionDep) -> TagsResponse:
    """Every tag in use, alphabetically."""
    return TagsResponse(tags=service.list_tags(session))
