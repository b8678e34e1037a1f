"""What the comment endpoints accept and return."""

from pydantic import BaseModel, field_validator

from app.core.schemas import Timestamp
from app.social.accounts.schemas import AuthorPublic
from app.social.comments.models import COMMENT_MAX_LENGTH
from app.social.pagination import Page
from app.social.posts.schemas import check_length


# Sent to comment on a post.
class CommentCreate(BaseModel):
    body: str

    @field_validator("body")
    @classmethod
    def check_body(cls, body: str) -> str:
        return check_length(body, COMMENT_MAX_LENGTH)


class CommentPublic(BaseModel):
    id: int
    body: str
    author: AuthorPublic
    post_id: int
    created_at: Timestamp


CommentPage = Page[CommentPublic]
