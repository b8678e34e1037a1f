"""The notifications table: "alice followed you", "bob liked your post"."""

import enum
from datetime import datetime

from sqlalchemy import DateTime, Enum, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, utc_now
from app.social.accounts.models import User


class NotificationType(enum.StrEnum):
    FOLLOW = "follow"
    LIKE = "like"
    COMMENT = "comment"


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (
        # The list: a recipient's notifications, newest first.
        Index("ix_notifications_recipient_id_created_at", "recipient_id", "created_at"),
        # "Was I already told that alice liked this post?" (no second notification).
        Index("ix_notifications_actor_id_type", "actor_id", "type"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # native_enum=False: a VARCHAR with a CHECK, the same on SQLite and PostgreSQL,
    # and a new type later needs no ALTER TYPE. values_callable stores "like", not "LIKE".
    type: Mapped[NotificationType] = mapped_column(
        Enum(
            NotificationType,
            native_enum=False,
            length=20,
            values_callable=lambda kinds: [kind.value for kind in kinds],
        )
    )
    # Null for a follow. Deleting the post deletes its notifications (ON DELETE CASCADE).
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), index=True, default=None
    )
    read: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    actor: Mapped[User] = relationship(foreign_keys=[actor_id], lazy="raise")
