"""What the comment endpoints accept and return (camelCase JSON)."""

from typing import Annotated

from pydantic import BaseModel, StringConstraints

from app.blog.profiles.schemas import ProfilePublic
from app.blog.schemas import CamelModel
from app.core.schemas import Timestamp


# Sent to comment on an article.
class CommentCreate(BaseModel):
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10_000)]


class CommentCreateRequest(BaseModel):
    comment: CommentCreate


class CommentPublic(CamelModel):
    id: int
    created_at: Timestamp
    updated_at: Timestamp
    body: str
    author: ProfilePublic


class CommentResponse(BaseModel):
    comment: CommentPublic


class CommentsResponse(BaseModel):
    comments: list[CommentPublic]
