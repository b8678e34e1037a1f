"""Posts and their likes."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.db import Base, utc_now
from app.social.accounts.models import User

POST_MAX_LENGTH = 280


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (
        # A user's posts and the feed are read newest first, per author: this index
        # serves both the filter and the order (and the keyset cursor).
        Index("ix_posts_author_id_created_at", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Text, not String(280): the limit counts Unicode code points, which the
    # schema checks; some databases count VARCHAR lengths in bytes.
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, index=True
    )

    # lazy="raise": touching an attribute that was not loaded up front is an error,
    # not a silent extra query. Queries say what they need (joinedload).
    author: Mapped[User] = relationship(lazy="raise")


class Like(Base):
    __tablename__ = "likes"

    # One like per (user, post): the primary key guarantees it, even when two
    # requests arrive at once. It also indexes user_id (its first column);
    # post_id gets its own index for counting a post's likes.
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
