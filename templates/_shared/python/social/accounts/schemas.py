"""What the /auth endpoints accept and return."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, StringConstraints

from app.core.common_passwords import refuse_common_password

# Lowercase letters, digits and "_": a username is part of URLs (/api/users/{username}).
Username = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{3,30}$")]
# At least 8 characters, and none of the common passwords that attackers try first.
Password = Annotated[
    str,
    StringConstraints(min_length=8, max_length=128),
    AfterValidator(refuse_common_password),
]


# Sent to register.
class UserCreate(BaseModel):
    username: Username
    email: EmailStr
    password: Password


# Sent to log in. Any non-empty password is accepted here: a wrong one gets 401, not 422.
class UserLogin(BaseModel):
    email: EmailStr
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


# The account as its owner sees it (with the e-mail). No password hash, ever.
class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    email: str
    bio: str | None
    avatar_url: str | None


# Answered by register and login: the account and a fresh access token.
class UserWithToken(BaseModel):
    user: UserPublic
    token: str


# Answered by GET /auth/me.
class UserEnvelope(BaseModel):
    user: UserPublic


# Someone who wrote a post or a comment, or who did what a notification is about.
class AuthorPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    username: str
    bio: str | None
    avatar_url: str | None
