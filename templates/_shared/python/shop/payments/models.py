"""The webhook_events table: which provider events were already processed."""

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.db import Base, utc_now


class WebhookEvent(Base):
    __tablename__ = "webhook_events"

    # The provider's own event id: the primary key makes a replayed event a
    # duplicate the database refuses, even when two copies arrive at once.
    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
