"""`make seed`: fill an empty shop with the categories and products of seed_data.json.

Safe to run twice: categories and products that already exist (same slug) are skipped.
Run directly: uv run python -m app.shop.catalog.seed
"""

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table)
from app.core.config import settings
from app.core.db import engine
from app.shop.catalog.models import Category, Product
from app.shop.catalog.service import slugify

SEED_FILE = Path(__file__).with_name("seed_data.json")


def seed(session: Session, data: dict[str, Any]) -> tuple[int, int]:
    """Add what is missing; return how many categories and products were added."""
    categories = {c.slug: c for c in session.scalars(select(Category))}
    existing_products = set(session.scalars(select(Product.slug)))
    added_categories = added_products = 0
    for item in data["categories"]:
        if item["slug"] not in categories:
            categories[item["slug"]] = Category(name=item["name"], slug=item["slug"])
            session.add(categories[item["slug"]])
            added_categories += 1
    for item in data["products"]:
        slug = slugify(item["name"])
        if slug in existing_products:
            continue
        session.add(
            Product(
                name=item["name"],
                slug=slug,
                description=item.get("description", ""),
                price_cents=item["price_cents"],
                currency=settings.SHOP_CURRENCY,
                stock=item["stock"],
                category=categories[item["category"]],
            )
        )
        added_products += 1
    session.commit()
    return added_categories, added_products


def main() -> None:
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    with Session(engine) as session:
        categories, products = seed(session, data)
    print(f"Seeded {categories} categories and {products} products.")


if __name__ == "__main__":
    main()
