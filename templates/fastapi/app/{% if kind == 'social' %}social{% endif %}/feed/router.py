"""The home feed (a plain `def` route: see app/social/accounts/router.py)."""

from fastapi import APIRouter

from app.core.db import SessionDep
from app.social.accounts.dependencies import CurrentUser, check_token
from app.social.feed import service
from app.social.list_query import Cursor, Limit
from app.social.posts.router import post_page
from app.social.posts.schemas import PostPage

router = APIRouter(prefix="/feed", tags=["Feed"], dependencies=[check_token])


@router.get("", response_model=PostPage)
def read_feed(
    *, session: SessionDep, user: CurrentUser, limit: Limit = 20, cursor: Cursor = None
) -> PostPage:
    """Posts by the people you follow and your own, newest first."""
    return post_page(service.home_feed(session, user=user, limit=limit, cursor=cursor))
