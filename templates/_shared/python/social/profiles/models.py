"""The follows table: who follows whom."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, utc_now


class Follow(Base):
    __tablename__ = "follows"
    __table_args__ = (
        # "Who follows X, newest first" (the followers list) reads this index in order.
        Index("ix_follows_followed_id_created_at", "followed_id", "created_at"),
        # "Whom does X follow, newest first" (the following list and the feed).
        Index("ix_follows_follower_id_created_at", "follower_id", "created_at"),
    )

    # The composite primary key makes each pair unique: following twice cannot
    # create a second row, even when two requests try at the same moment.
    follower_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    followed_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
