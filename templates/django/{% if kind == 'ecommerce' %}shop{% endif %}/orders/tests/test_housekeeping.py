"""`make expire-orders` also keeps idempotency keys and webhook event ids from growing forever."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from shop.accounts.tests.factories import UserFactory
from shop.orders.models import IdempotencyKey
from shop.payments.models import WebhookEvent

pytestmark = pytest.mark.django_db


def test_expire_orders_should_delete_keys_older_than_a_day_and_event_ids_older_than_a_week():
    now, user = timezone.now(), UserFactory()
    for key, age in [("old", timedelta(hours=25)), ("recent", timedelta(hours=23))]:
        IdempotencyKey.objects.create(user=user, key=key, fingerprint="f")
        # created_at is set on insert (auto_now_add): backdate it with an UPDATE.
        IdempotencyKey.objects.filter(key=key).update(created_at=now - age)
    for event_id, age in [("evt_old", timedelta(days=8)), ("evt_recent", timedelta(days=6))]:
        WebhookEvent.objects.create(id=event_id, type="payment.succeeded")
        WebhookEvent.objects.filter(id=event_id).update(received_at=now - age)
    output = StringIO()

    call_command("expire_orders", stdout=output)

    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]
    assert list(WebhookEvent.objects.values_list("id", flat=True)) == ["evt_recent"]
    assert "Deleted 1 old idempotency keys and 1 old webhook event ids." in output.getvalue()
