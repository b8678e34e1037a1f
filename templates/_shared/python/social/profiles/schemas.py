"""What the /users endpoints accept and return."""

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, StringConstraints

from app.social.pagination import Page

BIO_MAX_LENGTH = 160


def _blank_to_none(value: str | None) -> str | None:
    # "An empty string clears it": a bio of only spaces counts as empty too.
    return value if value and value.strip() else None


def _http_url(value: str | None) -> str | None:
    # Only web addresses: a "javascript:" or "data:" URL in an <img src> is an attack.
    if value is not None:
        parts = urlsplit(value)
        if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
            raise ValueError("must be an http:// or https:// URL")
    return value


# len() counts Unicode code points, which is what the contract's limit means.
Bio = Annotated[
    Annotated[str, StringConstraints(max_length=BIO_MAX_LENGTH)] | None,
    AfterValidator(_blank_to_none),
]
AvatarUrl = Annotated[
    Annotated[str, StringConstraints(strip_whitespace=True, max_length=2048)] | None,
    AfterValidator(_blank_to_none),
    AfterValidator(_http_url),
]


# Sent to PATCH /users/me: only the fields present are changed.
class ProfileUpdate(BaseModel):
    bio: Bio = None
    avatar_url: AvatarUrl = None


# A user as others see them: no e-mail; counts, and whether the caller follows them.
class ProfilePublic(BaseModel):
    username: str
    bio: str | None
    avatar_url: str | None
    followers_count: int
    following_count: int
    posts_count: int
    following: bool


ProfilePage = Page[ProfilePublic]
