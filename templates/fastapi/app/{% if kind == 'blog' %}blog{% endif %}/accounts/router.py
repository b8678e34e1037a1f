"""Register, sign in, read and change one's own account.

Routes are plain `def`, not `async def`: SQLAlchemy's session here blocks while it
waits for the database, and FastAPI runs `def` routes in a thread pool, so a slow
query holds up one thread instead of the whole event loop.
"""

from fastapi import APIRouter, Request, status

from app.blog.accounts import service
from app.blog.accounts.dependencies import CurrentUser
from app.blog.accounts.models import User
from app.blog.accounts.schemas import (
    UserCreateRequest,
    UserLoginRequest,
    UserPublic,
    UserResponse,
    UserUpdateRequest,
)
from app.core.client_address import client_address
from app.core.db import ReadOnlySessionDep, SessionDep
from app.core.openapi import error_responses
from app.core.security import create_access_token

router = APIRouter(tags=["User and Authentication"])


def user_response(user: User) -> UserResponse:
    return UserResponse(
        user=UserPublic(
            email=user.email,
            token=create_access_token(str(user.id)),
            username=user.username,
            bio=user.bio,
            image=user.image,
        )
    )


@router.post("/users", status_code=status.HTTP_201_CREATED, response_model=UserResponse)
def register(*, session: SessionDep, body: UserCreateRequest) -> UserResponse:
    """Register a new user and sign them in."""
    return user_response(service.register_user(session, data=body.user))


@router.post("/users/login", response_model=UserResponse, responses=error_responses(401, 429))
def login(*, session: ReadOnlySessionDep, body: UserLoginRequest, request: Request) -> UserResponse:
    """Sign in with e-mail and password."""
    client = client_address(request)
    user = service.authenticate(
        session, email=body.user.email, password=body.user.password, client=client
    )
    return user_response(user)


@router.get("/user", response_model=UserResponse)
def read_current_user(*, user: CurrentUser) -> UserResponse:
    """The signed-in user's account, with a fresh token."""
    return user_response(user)


@router.put("/user", response_model=UserResponse)
def update_current_user(
    *, session: SessionDep, user: CurrentUser, body: UserUpdateRequest
) -> UserResponse:
    """Change the signed-in user's details; only the fields sent are changed."""
    return user_response(service.update_user(session, user=user, changes=body.user))
