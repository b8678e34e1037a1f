"""Your notifications (plain `def` routes: see app/social/accounts/router.py)."""

from fastapi import APIRouter, Response, status

from app.core.db import SessionDep
from app.social.accounts.dependencies import CurrentUser, check_token
from app.social.accounts.schemas import AuthorPublic
from app.social.list_query import Cursor, Limit
from app.social.notifications import service
from app.social.notifications.schemas import MarkRead, NotificationPage, NotificationPublic

router = APIRouter(prefix="/notifications", tags=["Notifications"], dependencies=[check_token])


@router.get("", response_model=NotificationPage)
def list_notifications(
    *, session: SessionDep, user: CurrentUser, limit: Limit = 20, cursor: Cursor = None
) -> NotificationPage:
    """Your notifications, newest first, and how many are unread."""
    page = service.list_notifications(session, user=user, limit=limit, cursor=cursor)
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
    return NotificationPage(
        items=items, next_cursor=page.next_cursor, unread_count=page.unread_count
    )


@router.post("/read", status_code=status.HTTP_204_NO_CONTENT)
def mark_read(*, session: SessionDep, user: CurrentUser, body: MarkRead) -> Response:
    """Mark the notifications with these ids read, or all of them with {"all": true}."""
    service.mark_read(session, user=user, ids=body.ids, everything=body.all)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
