"""What the /users and /user endpoints accept and return.

RealWorld wraps every body in an envelope: {"user": {...}}.
"""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, EmailStr, StringConstraints

from app.core.schemas import web_url

Username = Annotated[
    str,
    # Letters, digits, "_", "." and "-" only: a username is part of URLs (/profiles/{username}).
    StringConstraints(strip_whitespace=True, min_length=1, max_length=50, pattern=r"^[\w.-]+$"),
]
Password = Annotated[str, StringConstraints(min_length=8, max_length=128)]
Bio = Annotated[str, StringConstraints(max_length=1000)]
ImageUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2048), AfterValidator(web_url)
]


# Sent to register.
class UserCreate(BaseModel):
    username: Username
    email: EmailStr
    password: Password


class UserCreateRequest(BaseModel):
    user: UserCreate


# Sent to log in. Any non-empty password is accepted here: a wrong one gets 401, not 422.
class UserLogin(BaseModel):
    email: EmailStr
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


class UserLoginRequest(BaseModel):
    user: UserLogin


# Sent to change one's own account: only the fields present are changed.
class UserUpdate(BaseModel):
    username: Username | None = None
    email: EmailStr | None = None
    password: Password | None = None
    bio: Bio | None = None
    image: ImageUrl | None = None


class UserUpdateRequest(BaseModel):
    user: UserUpdate


# Returned to the account's owner, with a fresh token. No password hash, ever.
class UserPublic(BaseModel):
    email: str
    token: str
    username: str
    bio: str | None
    image: str | None


class UserResponse(BaseModel):
    user: UserPublic
