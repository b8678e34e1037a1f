"""What the /articles and /tags endpoints accept and return (camelCase JSON)."""

from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints, field_validator

from app.blog.profiles.schemas import ProfilePublic
from app.blog.schemas import CamelModel
from app.core.schemas import Timestamp

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Description = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)
]
Body = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100_000)]
TagName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
TagList = Annotated[list[TagName], Field(max_length=20)]


def _unique_sorted(tags: list[str]) -> list[str]:
    return sorted(set(tags))


# Sent to create an article.
class ArticleCreate(CamelModel):
    title: Title
    description: Description
    body: Body
    tag_list: TagList = Field(default_factory=list)

    @field_validator("tag_list")
    @classmethod
    def normalise_tags(cls, tags: list[str]) -> list[str]:
        return _unique_sorted(tags)


class ArticleCreateRequest(BaseModel):
    article: ArticleCreate


# Sent to change an article: only the fields present are changed. tagList is not in
# the RealWorld spec, but front ends send it, so it is accepted.
class ArticleUpdate(CamelModel):
    title: Title | None = None
    description: Description | None = None
    body: Body | None = None
    tag_list: TagList | None = None

    @field_validator("tag_list")
    @classmethod
    def normalise_tags(cls, tags: list[str] | None) -> list[str] | None:
        return None if tags is None else _unique_sorted(tags)


class ArticleUpdateRequest(BaseModel):
    article: ArticleUpdate


# One article in a list. Lists leave out the body, as the RealWorld spec says.
class ArticleSummary(CamelModel):
    slug: str
    title: str
    description: str
    tag_list: list[str]
    created_at: Timestamp
    updated_at: Timestamp
    favorited: bool
    favorites_count: int
    author: ProfilePublic


# One article, in full.
class ArticlePublic(ArticleSummary):
    body: str


class ArticleResponse(BaseModel):
    article: ArticlePublic


class ArticlesResponse(CamelModel):
    articles: list[ArticleSummary]
    articles_count: int


class TagsResponse(BaseModel):
    tags: list[str]
