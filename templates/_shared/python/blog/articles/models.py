"""Articles, their tags (many-to-many) and favourites."""

from datetime import datetime

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.blog.accounts.models import User
from app.core.db import Base, utc_now

# A plain association table: it only links rows, so it needs no class of its own.
# The primary key (article_id, tag_id) indexes article_id; tag_id has its own index
# for "articles with tag X".
article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(255), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(1000))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The tag names as lists show them (["dragons", "training"]), kept with the article so
    # that a page of articles needs no query of its tags. article_tags stays the source:
    # set_tags() writes both in one transaction, and the tag filter reads article_tags.
    tag_list: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Indexed: every list is sorted newest first.
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, index=True
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )

    # lazy="raise": touching an attribute that was not loaded up front is an error,
    # not a silent extra query. Queries say what they need (selectinload, joinedload).
    author: Mapped[User] = relationship(lazy="raise")
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name, lazy="raise")


class Favorite(Base):
    __tablename__ = "favorites"

    # One favourite per (user, article): the primary key guarantees it, and indexes
    # user_id; article_id gets its own index for counting an article's favourites.
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
