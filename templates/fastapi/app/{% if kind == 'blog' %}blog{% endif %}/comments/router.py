"""Comments under an article (plain `def` routes: see app/blog/accounts/router.py)."""

from fastapi import APIRouter, Response, status

from app.blog.accounts.dependencies import CurrentUser, OptionalUser
from app.blog.articles.dependencies import ArticleBySlug
from app.blog.comments import service
from app.blog.comments.dependencies import OwnComment
from app.blog.comments.schemas import (
    CommentCreateRequest,
    CommentPublic,
    CommentResponse,
    CommentsResponse,
)
from app.blog.comments.service import CommentView
from app.blog.profiles.service import to_profile
from app.core.db import SessionDep
from app.core.openapi import error_responses

router = APIRouter(prefix="/articles/{slug}/comments", tags=["Comments"])


def comment_public(view: CommentView) -> CommentPublic:
    comment = view.comment
    return CommentPublic(
        id=comment.id,
        created_at=comment.created_at,
        updated_at=comment.updated_at,
        body=comment.body,
        author=to_profile(comment.author, following=view.author_followed),
    )


@router.get("", response_model=CommentsResponse)
def list_comments(
    *, session: SessionDep, viewer: OptionalUser, article: ArticleBySlug
) -> CommentsResponse:
    """The comments under an article, newest first."""
    views = service.list_comments(session, article=article, viewer=viewer)
    return CommentsResponse(comments=[comment_public(view) for view in views])


# 200, not 201: that is what the RealWorld spec says for this one endpoint.
@router.post("", response_model=CommentResponse)
def add_comment(
    *, session: SessionDep, user: CurrentUser, article: ArticleBySlug, body: CommentCreateRequest
) -> CommentResponse:
    """Comment on an article."""
    view = service.add_comment(session, article=article, author=user, data=body.comment)
    return CommentResponse(comment=comment_public(view))


@router.delete("/{id}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(403))
def delete_comment(*, session: SessionDep, comment: OwnComment) -> Response:
    """Delete your comment."""
    service.delete_comment(session, comment=comment)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
