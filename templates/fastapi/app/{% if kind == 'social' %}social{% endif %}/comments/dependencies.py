"""Load the comment named in the path (404 if missing) and check who may delete it."""

from typing import Annotated

from fastapi import Depends, Path

from app.core.db import SessionDep
from app.social.accounts.dependencies import CurrentUser
from app.social.comments.models import Comment
from app.social.comments.service import get_deletable_comment
from app.social.pagination import MAX_ID


def get_comment_to_delete(
    session: SessionDep,
    user: CurrentUser,
    comment_id: Annotated[int, Path(alias="id", ge=1, le=MAX_ID)],
) -> Comment:
    return get_deletable_comment(session, comment_id=comment_id, user=user)


DeletableComment = Annotated[Comment, Depends(get_comment_to_delete)]
