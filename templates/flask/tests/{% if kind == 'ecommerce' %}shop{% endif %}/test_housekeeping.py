"""`make expire-orders` also keeps idempotency keys and webhook event ids from growing forever."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.db import utc_now
from app.shop.orders import expire
from app.shop.orders.models import IdempotencyKey
from app.shop.payments.models import WebhookEvent
from tests.shop.factories import create_user

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.mark.usefixtures("app_context")
def test_purge_deletes_keys_older_than_a_day_and_event_ids_older_than_a_week(
    session: Session,
) -> None:
    user = create_user(session)
    for key, age in [("old", timedelta(hours=25)), ("recent", timedelta(hours=23))]:
        session.add(IdempotencyKey(user_id=user.id, key=key, fingerprint="f", created_at=NOW - age))
    for event_id, age in [("evt_old", timedelta(days=8)), ("evt_recent", timedelta(days=6))]:
        session.add(WebhookEvent(id=event_id, type="payment.succeeded", received_at=NOW - age))
    session.commit()

    assert expire.purge_old_records(NOW) == (1, 1)

    assert session.scalars(select(IdempotencyKey.key)).all() == ["recent"]
    assert session.scalars(select(WebhookEvent.id)).all() == ["evt_recent"]


@pytest.mark.usefixtures("app_context")
def test_the_command_says_what_it_deleted(
    session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    now = utc_now()
    session.add(WebhookEvent(id="evt_1", type="payment.succeeded", received_at=now))
    session.add(
        WebhookEvent(id="evt_2", type="payment.succeeded", received_at=now - timedelta(days=30))
    )
    session.commit()

    expire.main()

    assert "Deleted 0 old idempotency keys and 1 old webhook event ids." in capsys.readouterr().out
