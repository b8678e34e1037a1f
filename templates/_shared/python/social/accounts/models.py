"""The users table: who can sign in, and what their public profile shows."""

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, utc_now


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # unique=True also creates the index that profile lookups and the
    # username prefix search (LIKE 'term%') use.
    username: Mapped[str] = mapped_column(String(30), unique=True)
    # unique=True also creates the index that sign-in uses. Stored lower-case.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # Only the argon2 hash is stored: never the password, never returned by the API.
    password_hash: Mapped[str] = mapped_column(String(255))
    bio: Mapped[str | None] = mapped_column(String(160), default=None)
    avatar_url: Mapped[str | None] = mapped_column(String(2048), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
