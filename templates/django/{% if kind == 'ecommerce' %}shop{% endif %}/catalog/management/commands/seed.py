"""`make seed`: fill an empty shop with the categories and products of seed_data.json.

Safe to run twice: categories and products that already exist (same slug) are skipped.
Run directly: uv run python manage.py seed
"""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from shop.catalog.models import Category, Product

SEED_FILE = Path(__file__).resolve().parents[2] / "seed_data.json"


def seed(data: dict[str, Any]) -> tuple[int, int]:
    """Add what is missing; return how many categories and products were added."""
    added_categories = added_products = 0
    with transaction.atomic():
        categories = {}
        for item in data["categories"]:
            category, created = Category.objects.get_or_create(
                slug=item["slug"], defaults={"name": item["name"]}
            )
            categories[item["slug"]] = category
            added_categories += created
        for item in data["products"]:
            _, created = Product.objects.get_or_create(
                slug=slugify(item["name"]),
                defaults={
                    "name": item["name"],
                    "description": item.get("description", ""),
                    "price_cents": item["price_cents"],
                    "currency": settings.SHOP_CURRENCY,
                    "stock": item["stock"],
                    "category": categories[item["category"]],
                },
            )
            added_products += created
    return added_categories, added_products


class Command(BaseCommand):
    help = "Fill the shop with a few categories and products (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
        categories, products = seed(data)
        self.stdout.write(
            self.style.SUCCESS(f"Seeded {categories} categories and {products} products.")
        )
