"""Notifications: created by follows, likes and comments; listed and marked read.

No HTTP in here. Two rules live in notify(): nobody is notified of their own
actions, and liking or following again (after undoing it) does not notify twice.
"""

from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload

from app.social.accounts.models import User
from app.social.notifications.models import Notification, NotificationType
from app.social.pagination import after_time_key, decode_time_key, encode_time_key, split_page


@dataclass(frozen=True)
class NotificationPageResult:
    notifications: list[Notification]
    next_cursor: str | None
    unread_count: int


def notify(
    session: Session,
    *,
    recipient_id: int,
    actor_id: int,
    type: NotificationType,
    post_id: int | None = None,
) -> None:
    """Add a notification to the caller's transaction, unless a rule says not to.

    Comments always notify (each one is new); a like or a follow only the first time.
    """
    if recipient_id == actor_id:
        return
    if type != NotificationType.COMMENT:
        already_told = select(Notification.id).where(
            Notification.recipient_id == recipient_id,
            Notification.actor_id == actor_id,
            Notification.type == type,
            Notification.post_id.is_(None) if post_id is None else Notification.post_id == post_id,
        )
        if session.scalar(already_told.limit(1)) is not None:
            return
    session.add(
        Notification(recipient_id=recipient_id, actor_id=actor_id, type=type, post_id=post_id)
    )


def list_notifications(
    session: Session, *, user: User, limit: int, cursor: str | None
) -> NotificationPageResult:
    """Newest first, with each actor loaded in the same query (a JOIN)."""
    query = (
        select(Notification)
        .where(Notification.recipient_id == user.id)
        .options(joinedload(Notification.actor))
    )
    if cursor is not None:
        key = decode_time_key(cursor)
        query = query.where(
            after_time_key(key, Notification.created_at, Notification.id, newest_first=True)
        )
    query = query.order_by(Notification.created_at.desc(), Notification.id.desc())
    notifications, more = split_page(session.scalars(query.limit(limit + 1)).all(), limit)
    next_cursor = None
    if more:
        last = notifications[-1]
        next_cursor = encode_time_key(last.created_at, last.id)
    unread = select(func.count(Notification.id)).where(
        Notification.recipient_id == user.id, Notification.read.is_(False)
    )
    return NotificationPageResult(
        notifications=notifications,
        next_cursor=next_cursor,
        unread_count=session.scalar(unread) or 0,
    )


def mark_read(session: Session, *, user: User, ids: list[int] | None, everything: bool) -> None:
    """Mark some (or all) of the user's notifications read; other people's ids are ignored."""
    statement = update(Notification).where(Notification.recipient_id == user.id)
    if not everything:
        statement = statement.where(Notification.id.in_(ids or []))
    session.execute(statement.values(read=True))
    session.commit()
