"""Comments under posts."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.validation import json_body, query_parameters
from app.social.accounts.auth import current_user, login_required
from app.social.accounts.schemas import AuthorPublic
from app.social.comments import service
from app.social.comments.models import Comment
from app.social.comments.schemas import CommentCreate, CommentPage, CommentPublic
from app.social.list_query import ListQuery
from app.social.posts.routes import check_id, get_post
from app.social.responses import to_json

blueprint = Blueprint("comments", __name__)


def comment_public(comment: Comment) -> CommentPublic:
    return CommentPublic(
        id=comment.id,
        body=comment.body,
        author=AuthorPublic.model_validate(comment.author),
        post_id=comment.post_id,
        created_at=comment.created_at,
    )


@blueprint.get("/posts/<int:post_id>/comments")
def list_comments(post_id: int) -> dict[str, Any]:
    """The comments under a post, oldest first."""
    post = get_post(post_id)
    query = query_parameters(ListQuery)
    page = service.list_comments(session(), post=post, limit=query.limit, cursor=query.cursor)
    items = [comment_public(comment) for comment in page.comments]
    return to_json(CommentPage(items=items, next_cursor=page.next_cursor))


@blueprint.post("/posts/<int:post_id>/comments")
@login_required
def add_comment(post_id: int) -> tuple[dict[str, Any], int]:
    """Comment on a post (at most 1000 characters)."""
    post = get_post(post_id)
    body = json_body(CommentCreate)
    comment = service.add_comment(session(), post=post, author=current_user(), data=body)
    return to_json(comment_public(comment)), 201


@blueprint.delete("/comments/<int:comment_id>")
@login_required
def delete_comment(comment_id: int) -> tuple[str, int]:
    """Delete a comment: yours, or anyone's under your post."""
    comment = service.get_deletable_comment(
        session(), comment_id=check_id(comment_id), user=current_user()
    )
    service.delete_comment(session(), comment=comment)
    return "", 204
