"""Comments under posts (plain `def` routes: see app/social/accounts/router.py)."""

from fastapi import APIRouter, Response, status

from app.core.db import SessionDep
from app.core.openapi import error_responses
from app.social.accounts.dependencies import CurrentUser, check_token
from app.social.accounts.schemas import AuthorPublic
from app.social.comments import service
from app.social.comments.dependencies import DeletableComment
from app.social.comments.models import Comment
from app.social.comments.schemas import CommentCreate, CommentPage, CommentPublic
from app.social.list_query import Cursor, Limit
from app.social.posts.dependencies import PostById

router = APIRouter(tags=["Comments"], dependencies=[check_token])


def comment_public(comment: Comment) -> CommentPublic:
    return CommentPublic(
        id=comment.id,
        body=comment.body,
        author=AuthorPublic.model_validate(comment.author),
        post_id=comment.post_id,
        created_at=comment.created_at,
    )


@router.get("/posts/{id}/comments", response_model=CommentPage)
def list_comments(
    *, session: SessionDep, post: PostById, limit: Limit = 20, cursor: Cursor = None
) -> CommentPage:
    """The comments under a post, oldest first."""
    page = service.list_comments(session, post=post, limit=limit, cursor=cursor)
    return CommentPage(
        items=[comment_public(comment) for comment in page.comments],
        next_cursor=page.next_cursor,
    )


@router.post(
    "/posts/{id}/comments", status_code=status.HTTP_201_CREATED, response_model=CommentPublic
)
def add_comment(
    *, session: SessionDep, user: CurrentUser, post: PostById, body: CommentCreate
) -> CommentPublic:
    """Comment on a post (at most 1000 characters)."""
    return comment_public(service.add_comment(session, post=post, author=user, data=body))


@router.delete(
    "/comments/{id}", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(403)
)
def delete_comment(*, session: SessionDep, comment: DeletableComment) -> Response:
    """Delete a comment: yours, or anyone's under your post."""
    service.delete_comment(session, comment=comment)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
