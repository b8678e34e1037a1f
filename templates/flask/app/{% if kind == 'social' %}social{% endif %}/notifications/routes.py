"""Your notifications."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.validation import json_body, query_parameters
from app.social.accounts.auth import current_user, login_required
from app.social.accounts.schemas import AuthorPublic
from app.social.list_query import ListQuery
from app.social.notifications import service
from app.social.notifications.schemas import MarkRead, NotificationPage, NotificationPublic
from app.social.responses import to_json

blueprint = Blueprint("notifications", __name__, url_prefix="/notifications")


@blueprint.get("")
@login_required
def list_notifications() -> dict[str, Any]:
    """Your notifications, newest first, and how many are unread."""
    query = query_parameters(ListQuery)
    page = service.list_notifications(
        session(), user=current_user(), limit=query.limit, cursor=query.cursor
    )
    items = [
        NotificationPublic(
            id=notification.id,
            type=notification.type,
            actor=AuthorPublic.model_validate(notification.actor),
            post_id=notification.post_id,
            read=notification.read,
            created_at=notification.created_at,
        )
        for notification in page.notifications
    ]
    return to_json(
        NotificationPage(items=items, next_cursor=page.next_cursor, unread_count=page.unread_count)
    )


@blueprint.post("/read")
@login_required
def mark_read() -> tuple[str, int]:
    """Mark the notifications with these ids read, or all of them with {"all": true}."""
    body = json_body(MarkRead)
    service.mark_read(session(), user=current_user(), ids=body.ids, everything=body.all)
    return "", 204
