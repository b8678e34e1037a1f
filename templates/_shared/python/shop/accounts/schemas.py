"""What the /auth endpoints accept and return."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, StringConstraints

from app.core.common_passwords import refuse_common_password
from app.shop.accounts.models import Role

# At least 8 characters, and none of the common passwords that attackers try first.
Password = Annotated[
    str,
    StringConstraints(min_length=8, max_length=128),
    AfterValidator(refuse_common_password),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


# Sent to register. New accounts are always customers: there is no role field.
class UserCreate(BaseModel):
    email: EmailStr
    password: Password
    name: Name


# Sent to log in. Any non-empty password is accepted here: a wrong one gets 401, not 422.
class UserLogin(BaseModel):
    email: EmailStr
    password: Annotated[str, StringConstraints(min_length=1, max_length=128)]


# An account as the API shows it. No password hash, ever.
class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    role: Role


# Answered by register and login: the account and a fresh access token.
class UserWithToken(BaseModel):
    user: UserPublic
    token: str


# Answered by GET /auth/me.
class UserEnvelope(BaseModel):
    user: UserPublic
