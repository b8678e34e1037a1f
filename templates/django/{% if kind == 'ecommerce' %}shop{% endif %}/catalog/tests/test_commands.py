"""`manage.py seed` (make seed): a few categories and products, safe to run twice."""

import pytest
from django.core.management import call_command

from shop.catalog.models import Category, Product

pytestmark = pytest.mark.django_db


def test_seed_should_fill_an_empty_shop_once():
    call_command("seed")
    counts = (Category.objects.count(), Product.objects.count())

    call_command("seed")

    assert counts[0] > 0 and counts[1] > 0
    assert (Category.objects.count(), Product.objects.count()) == counts
    assert set(Product.objects.values_list("currency", flat=True)) == {"EUR"}
