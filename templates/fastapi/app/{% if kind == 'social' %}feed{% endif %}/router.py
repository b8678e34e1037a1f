"""The home feed (a plain `def` route: see app/accounts/router.py)."""

from fastapi import APIRouter

from app.accounts.dependencies import CurrentUser, check_token
from app.core.db import SessionDep
from app.core.pagination import Cursor, Limit
from app.feed import service
from app.posts.router import post_page
from app.posts.schemas import PostPage

router = APIRouter(prefix="/feed", tags=["Feed"], dependencies=[check_token])


@router.get("", response_model=PostPage)
def read_feed(
    *, session: SessionDep, user: CurrentUser, limit: Limit = 20, cursor: Cursor = None
) -> PostPage:
    """Posts by the people you follow and your own, newest first."""
    return post_page(service.home_feed(session, user=user, limit=limit, cursor=cursor))
