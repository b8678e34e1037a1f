"""Load the post named in the path (404 if missing) and check who may delete it."""

from typing import Annotated

from fastapi import Depends, Path

from app.core.db import SessionDep
from app.core.errors import PermissionDeniedError
from app.social.accounts.dependencies import CurrentUser
from app.social.pagination import MAX_ID
from app.social.posts.models import Post
from app.social.posts.service import get_post

PostId = Annotated[int, Path(alias="id", ge=1, le=MAX_ID)]


def get_post_by_id(session: SessionDep, post_id: PostId) -> Post:
    return get_post(session, post_id=post_id)


PostById = Annotated[Post, Depends(get_post_by_id)]


def get_own_post(user: CurrentUser, post: PostById) -> Post:
    """The post, if the signed-in user wrote it: only its author may delete it."""
    if post.author_id != user.id:
        raise PermissionDeniedError("Only the author may delete this post.")
    return post


OwnPost = Annotated[Post, Depends(get_own_post)]
