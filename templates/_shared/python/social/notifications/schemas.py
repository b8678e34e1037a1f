"""What the /notifications endpoints accept and return."""

from typing import Annotated

from pydantic import BaseModel, Field, model_validator

from app.core.schemas import Timestamp
from app.social.accounts.schemas import AuthorPublic
from app.social.notifications.models import NotificationType
from app.social.pagination import MAX_ID


class NotificationPublic(BaseModel):
    id: int
    type: NotificationType
    actor: AuthorPublic
    post_id: int | None
    read: bool
    created_at: Timestamp


class NotificationPage(BaseModel):
    items: list[NotificationPublic]
    next_cursor: str | None
    unread_count: int


# Sent to POST /notifications/read: either some ids, or all: true.
class MarkRead(BaseModel):
    ids: Annotated[list[Annotated[int, Field(ge=1, le=MAX_ID)]], Field(max_length=1000)] | None = (
        None
    )
    all: bool = False

    @model_validator(mode="after")
    def ids_or_all(self) -> "MarkRead":
        if self.ids is None and not self.all:
            raise ValueError('send "ids": [...] or "all": true')
        return self
