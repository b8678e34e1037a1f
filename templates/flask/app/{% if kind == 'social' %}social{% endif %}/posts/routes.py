"""Posts, likes and a user's posts."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.errors import InvalidInputError, PermissionDeniedError
from app.core.validation import json_body, query_parameters
from app.social.accounts.auth import current_user, login_required, viewer
from app.social.accounts.schemas import AuthorPublic
from app.social.list_query import ListQuery
from app.social.pagination import MAX_ID
from app.social.posts import service
from app.social.posts.models import Post
from app.social.posts.schemas import PostCreate, PostPage, PostPublic
from app.social.posts.service import PostPageResult, PostView
from app.social.profiles.routes import user_named
from app.social.responses import to_json

blueprint = Blueprint("posts", __name__)


def check_id(row_id: int) -> int:
    """A path's id, or InvalidInputError (422) beyond the id column's range.

    Flask's <int:...> takes any number of digits; the database would refuse a
    number too large for its INTEGER column with an error of its own.
    """
    if row_id > MAX_ID:
        raise InvalidInputError(f"must be at most {MAX_ID}", field="id")
    return row_id


def get_post(post_id: int) -> Post:
    """The post with this id, or NotFoundError (404)."""
    return service.get_post(session(), post_id=check_id(post_id))


def post_public(view: PostView) -> PostPublic:
    post = view.post
    return PostPublic(
        id=post.id,
        body=post.body,
        author=AuthorPublic.model_validate(post.author),
        like_count=view.like_count,
        comment_count=view.comment_count,
        liked_by_me=view.liked_by_me,
        created_at=post.created_at,
    )


def post_page(page: PostPageResult) -> dict[str, Any]:
    items = [post_public(view) for view in page.views]
    return to_json(PostPage(items=items, next_cursor=page.next_cursor))


def _view(post: Post) -> dict[str, Any]:
    return to_json(post_public(service.get_post_view(session(), post=post, viewer=viewer())))


@blueprint.post("/posts")
@login_required
def create_post() -> tuple[dict[str, Any], int]:
    """Publish a post (at most 280 characters)."""
    body = json_body(PostCreate)
    return _view(service.create_post(session(), author=current_user(), data=body)), 201


@blueprint.get("/posts/<int:post_id>")
def read_post(post_id: int) -> dict[str, Any]:
    """One post."""
    return _view(get_post(post_id))


@blueprint.delete("/posts/<int:post_id>")
@login_required
def delete_post(post_id: int) -> tuple[str, int]:
    """Delete your post, with its likes, comments and notifications."""
    post = get_post(post_id)
    if post.author_id != current_user().id:
        raise PermissionDeniedError("Only the author may delete this post.")
    service.delete_post(session(), post=post)
    return "", 204


@blueprint.post("/posts/<int:post_id>/like")
@login_required
def like_post(post_id: int) -> dict[str, Any]:
    """Like a post (liking twice changes nothing)."""
    post = get_post(post_id)
    service.like_post(session(), post=post, user=current_user())
    return _view(post)


@blueprint.delete("/posts/<int:post_id>/like")
@login_required
def unlike_post(post_id: int) -> dict[str, Any]:
    """Take back your like (no like, no change)."""
    post = get_post(post_id)
    service.unlike_post(session(), post=post, user=current_user())
    return _view(post)


@blueprint.get("/users/<username>/posts")
def list_user_posts(username: str) -> dict[str, Any]:
    """A user's posts, newest first."""
    author = user_named(username)
    query = query_parameters(ListQuery)
    page = service.list_posts(
        session(),
        conditions=[Post.author_id == author.id],
        viewer=viewer(),
        limit=query.limit,
        cursor=query.cursor,
    )
    return post_page(page)
