"""What the /posts endpoints accept and return."""

from pydantic import BaseModel, field_validator

from app.core.schemas import Timestamp
from app.social.accounts.schemas import AuthorPublic
from app.social.pagination import Page
from app.social.posts.models import POST_MAX_LENGTH


def check_length(body: str, max_length: int) -> str:
    """Shared by posts and comments: not blank, at most max_length code points.

    The body is stored exactly as sent (no trimming); Python's len() counts code
    points, so an emoji counts as one character, as the contract says.
    """
    if not body.strip():
        raise ValueError("must not be empty")
    if len(body) > max_length:
        raise ValueError(f"must be at most {max_length} characters long")
    return body


# Sent to publish a post.
class PostCreate(BaseModel):
    body: str

    @field_validator("body")
    @classmethod
    def check_body(cls, body: str) -> str:
        return check_length(body, POST_MAX_LENGTH)


class PostPublic(BaseModel):
    id: int
    body: str
    author: AuthorPublic
    like_count: int
    comment_count: int
    liked_by_me: bool
    created_at: Timestamp


PostPage = Page[PostPublic]
