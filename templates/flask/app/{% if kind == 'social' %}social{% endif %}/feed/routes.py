"""The home feed."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.validation import query_parameters
from app.social.accounts.auth import current_user, login_required
from app.social.feed import service
from app.social.list_query import ListQuery
from app.social.posts.routes import post_page

blueprint = Blueprint("feed", __name__, url_prefix="/feed")


@blueprint.get("")
@login_required
def read_feed() -> dict[str, Any]:
    """Posts by the people you follow and your own, newest first."""
    query = query_parameters(ListQuery)
    page = service.home_feed(session(), user=current_user(), limit=query.limit, cursor=query.cursor)
    return post_page(page)
