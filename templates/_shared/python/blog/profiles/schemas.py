"""A user as others see them: no e-mail, plus whether the caller follows them."""

from pydantic import BaseModel


class ProfilePublic(BaseModel):
    username: str
    bio: str | None
    image: str | None
    following: bool


class ProfileResponse(BaseModel):
    profile: ProfilePublic
