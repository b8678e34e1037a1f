"""Load the comment named in the path (404 if missing) and check who may delete it."""

from typing import Annotated

from fastapi import Depends, Path

from app.blog.accounts.dependencies import CurrentUser
from app.blog.articles.dependencies import ArticleBySlug
from app.blog.comments.models import Comment
from app.blog.comments.service import get_comment
from app.core.db import SessionDep
from app.core.errors import PermissionDeniedError


def get_own_comment(
    session: SessionDep,
    user: CurrentUser,
    article: ArticleBySlug,
    comment_id: Annotated[int, Path(alias="id", ge=1)],
) -> Comment:
    """The comment, if the signed-in user wrote it: only its author may delete it."""
    comment = get_comment(session, article=article, comment_id=comment_id)
    if comment.author_id != user.id:
        raise PermissionDeniedError("only the author may delete this comment", field="comment")
    return comment


OwnComment = Annotated[Comment, Depends(get_own_comment)]
