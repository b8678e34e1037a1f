"""The comments table: replies under a post."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, utc_now
from app.social.accounts.models import User

COMMENT_MAX_LENGTH = 1000


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (
        # A post's comments, oldest first: the filter and the order in one index.
        Index("ix_comments_post_id_created_at", "post_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    # Indexed: deleting a user deletes their comments (ON DELETE CASCADE).
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    author: Mapped[User] = relationship(lazy="raise")  # see Post.author
