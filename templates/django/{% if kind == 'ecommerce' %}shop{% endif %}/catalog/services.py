"""Writes to the catalogue: categories and products. Admin-only (the views check).

Each function takes keyword-only arguments, runs in one transaction and raises the
errors of core/errors.py.
"""

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.text import slugify

from core.errors import ConflictError, InvalidInputError
from core.rows import save_with_free_slug
from shop.catalog.models import Category, Product

SLUG_TAKEN = "a category with this slug already exists"


def _check_currency(currency: str) -> None:
    if currency != settings.SHOP_CURRENCY:
        raise InvalidInputError(
            f"this shop sells in {settings.SHOP_CURRENCY} only", field="currency"
        )


def category_create(*, name: str, slug: str | None = None) -> Category:
    """The slug is made from the name when none is given: "Desk gear" -> "desk-gear"."""
    try:
        with transaction.atomic():
            return Category.objects.create(name=name, slug=slug or slugify(name) or "category")
    except IntegrityError:
        raise ConflictError(SLUG_TAKEN, field="slug") from None


def category_update(*, category: Category, changes: dict[str, Any]) -> Category:
    for field, value in changes.items():
        setattr(category, field, value)
    try:
        with transaction.atomic():
            category.save(update_fields=[*changes])
    except IntegrityError:
        raise ConflictError(SLUG_TAKEN, field="slug") from None
    return category


def category_delete(*, category: Category) -> None:
    try:
        with transaction.atomic():
            category.delete()
    except ProtectedError:
        raise ConflictError("this category still has products: move or delete them first") from None


def product_create(
    *,
    name: str,
    description: str,
    price_cents: int,
    currency: str,
    stock: int,
    category: Category,
    image_url: str | None = None,
) -> Product:
    _check_currency(currency)
    product = Product(
        name=name,
        description=description,
        price_cents=price_cents,
        currency=currency,
        stock=stock,
        category=category,
        image_url=image_url,
    )
    with transaction.atomic():
        # Two products may share a name; a short random suffix keeps their slugs apart.
        save_with_free_slug(product, slugify(name)[:240].strip("-") or "product")
    return product


def product_update(*, product: Product, changes: dict[str, Any]) -> Product:
    """Change only the fields given. The slug stays: links to the product keep working."""
    if "currency" in changes:
        _check_currency(changes["currency"])
    with transaction.atomic():
        # Locked, so that an edit and a checkout never overwrite each other's stock.
        locked = Product.objects.select_for_update().get(pk=product.pk)
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save()
    return locked


def product_delete(*, product: Product) -> None:
    """Cart lines go with it (CASCADE); past orders keep their copy of its name and price."""
    with transaction.atomic():
        product.delete()
