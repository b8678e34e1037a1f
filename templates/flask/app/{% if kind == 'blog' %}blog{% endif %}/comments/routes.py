"""Comments under an article."""

from typing import Any

from flask import Blueprint

from app.blog.articles.routes import get_article
from app.blog.comments import service
from app.blog.comments.schemas import (
    CommentCreateRequest,
    CommentPublic,
    CommentResponse,
    CommentsResponse,
)
from app.blog.comments.service import CommentView
from app.blog.profiles.service import to_profile
from app.blog.responses import to_json
from app.core.auth import current_user, login_required, viewer
from app.core.db import session
from app.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from app.core.validation import json_body

blueprint = Blueprint("comments", __name__, url_prefix="/articles/<slug>/comments")

# Ids beyond PostgreSQL's integer column cannot exist: such a path is not found (404).
MAX_ID = 2**31 - 1


def parse_comment_id(text: str) -> int:
    """The id in the path: 422 if it is not a whole number, 404 if no comment can have it.

    (Flask's <int:...> converter would answer 404 for "abc" too; a client that sends a
    slug where an id belongs should hear that its request is wrong, not that nothing is there.)
    """
    if not text.isascii() or not text.isdigit():
        raise InvalidInputError("must be a whole number", field="id")
    if len(text) > len(str(MAX_ID)) or not 1 <= int(text) <= MAX_ID:
        raise NotFoundError("comment not found", field="comment")
    return int(text)


def comment_public(view: CommentView) -> CommentPublic:
    comment = view.comment
    return CommentPublic(
        id=comment.id,
        created_at=comment.created_at,
        updated_at=comment.updated_at,
        body=comment.body,
        author=to_profile(comment.author, following=view.author_followed),
    )


@blueprint.get("")
def list_comments(slug: str) -> dict[str, Any]:
    """The comments under an article, newest first."""
    views = service.list_comments(session(), article=get_article(slug), viewer=viewer())
    return to_json(CommentsResponse(comments=[comment_public(view) for view in views]))


# 200, not 201: that is what the RealWorld spec says for this one endpoint.
@blueprint.post("")
@login_required
def add_comment(slug: str) -> dict[str, Any]:
    """Comment on an article."""
    article = get_article(slug)
    body = json_body(CommentCreateRequest)
    view = service.add_comment(session(), article=article, author=current_user(), data=body.comment)
    return to_json(CommentResponse(comment=comment_public(view)))


@blueprint.delete("/<comment_id>")
@login_required
def delete_comment(slug: str, comment_id: str) -> tuple[str, int]:
    """Delete your comment: only its author may."""
    article = get_article(slug)
    comment = service.get_comment(
        session(), article=article, comment_id=parse_comment_id(comment_id)
    )
    if comment.author_id != current_user().id:
        raise PermissionDeniedError("only the author may delete this comment", field="comment")
    service.delete_comment(session(), comment=comment)
    return "", 204
