"""Register, sign in and read one's own account.

Routes are plain `def`, not `async def`: SQLAlchemy's session here blocks while it
waits for the database, and FastAPI runs `def` routes in a thread pool, so a slow
query holds up one thread instead of the whole event loop.
"""

from fastapi import APIRouter, Request, status

from app.core.client_address import client_address
from app.core.db import ReadOnlySessionDep, SessionDep
from app.core.openapi import error_responses
from app.core.security import create_access_token
from app.social.accounts import service
from app.social.accounts.dependencies import CurrentUser, check_token
from app.social.accounts.models import User
from app.social.accounts.schemas import (
    UserCreate,
    UserEnvelope,
    UserLogin,
    UserPublic,
    UserWithToken,
)

# A bad or expired token is refused (401) here too, though anyone may register or log in.
router = APIRouter(prefix="/auth", tags=["Accounts"], dependencies=[check_token])


def with_token(user: User) -> UserWithToken:
    return UserWithToken(
        user=UserPublic.model_validate(user), token=create_access_token(str(user.id))
    )


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserWithToken,
    responses=error_responses(409),
)
def register(*, session: SessionDep, body: UserCreate) -> UserWithToken:
    """Open an account and sign in."""
    return with_token(service.register_user(session, data=body))


@router.post("/login", response_model=UserWithToken, responses=error_responses(401, 429))
def login(*, session: ReadOnlySessionDep, body: UserLogin, request: Request) -> UserWithToken:
    """Sign in with e-mail and password (429 after repeated failures)."""
    client = client_address(request)
    user = service.authenticate(session, email=body.email, password=body.password, client=client)
    return with_token(user)


@router.get("/me", response_model=UserEnvelope)
def read_me(*, user: CurrentUser) -> UserEnvelope:
    """The signed-in user's account."""
    return UserEnvelope(user=UserPublic.model_validate(user))
