"""Load the article named in the path (404 if missing) and check who may change it."""

from typing import Annotated

from fastapi import Depends, Path

from app.blog.accounts.dependencies import CurrentUser
from app.blog.articles.models import Article
from app.blog.articles.service import get_article_by_slug
from app.core.db import SessionDep
from app.core.errors import PermissionDeniedError


def get_article(session: SessionDep, slug: Annotated[str, Path(max_length=255)]) -> Article:
    return get_article_by_slug(session, slug=slug)


ArticleBySlug = Annotated[Article, Depends(get_article)]


def get_own_article(user: CurrentUser, article: ArticleBySlug) -> Article:
    """The article, if the signed-in user wrote it: only its author may change it."""
    if article.author_id != user.id:
        raise PermissionDeniedError("only the author may change this article", field="article")
    return article


OwnArticle = Annotated[Article, Depends(get_own_article)]
