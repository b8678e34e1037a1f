"""The catalogue's rules: slugs, the shop's currency, filters, sorting and pages.

No HTTP in here: functions take the session and keyword-only arguments and raise
the errors of app/core/errors.py.
"""

import re
import unicodedata
from typing import Any

from sqlalchemy import ColumnElement, UnaryExpression, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

{% if cache == 'redis' %}from app.core.cache import cache
{% endif %}from app.core.config import settings
from app.core.errors import ConflictError, InvalidInputError, NotFoundError
from app.core.slugs import add_with_free_slug
from app.shop.catalog.models import Category, Product
from app.shop.catalog.schemas import (
    CategoryCreate,
    CategoryUpdate,
    ProductCreate,
    ProductFilters,
    ProductUpdate,
)

SORT_ORDERS: dict[str, tuple[UnaryExpression[Any], ...]] = {
    "price": (Product.price_cents.asc(), Product.id.asc()),
    "-price": (Product.price_cents.desc(), Product.id.desc()),
    "name": (Product.name.asc(), Product.id.asc()),
    "-created_at": (Product.created_at.desc(), Product.id.desc()),
}
{%- if cache == 'redis' %}

#: The cache scope of the catalogue's reads (app/core/cache.py): categories, product lists
#: and products. Every write that changes them, here and in the orders' stock changes,
#: makes it old once it has committed.
CATALOGUE_CACHE = "catalogue"
{%- endif %}


def slugify(text: str) -> str:
    """'Café & Books!' -> 'cafe-books': lowercase ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "item"


# --- categories ----------------------------------------------------------------


def list_categories(session: Session) -> list[Category]:
    return list(session.scalars(select(Category).order_by(Category.name, Category.id)))


def get_category(session: Session, *, category_id: int) -> Category:
    category = session.get(Category, category_id)
    if category is None:
        raise NotFoundError("No category has this id.")
    return category


def create_category(session: Session, *, data: CategoryCreate) -> Category:
    category = Category(name=data.name, slug=data.slug or slugify(data.name))
    session.add(category)
    _commit_or_conflict(session, "A category with this slug already exists.")
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}
    return category


def update_category(session: Session, *, category: Category, changes: CategoryUpdate) -> Category:
    if changes.name is not None:
        category.name = changes.name
    if changes.slug is not None:
        category.slug = changes.slug
    _commit_or_conflict(session, "A category with this slug already exists.")
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}
    return category


def delete_category(session: Session, *, category: Category) -> None:
    if session.scalar(select(Product.id).where(Product.category_id == category.id).limit(1)):
        raise ConflictError("This category still has products: move or delete them first.")
    session.delete(category)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}


# --- products ------------------------------------------------------------------


def get_product(session: Session, *, product_id: int) -> Product:
    product = session.scalar(
        select(Product).options(joinedload(Product.category)).where(Product.id == product_id)
    )
    if product is None:
        raise NotFoundError("No product has this id.")
    return product


def list_products(session: Session, *, filters: ProductFilters) -> tuple[list[Product], int]:
    """One page of the products that match, and how many match in all: two queries."""
    query = select(Product).where(*_conditions(filters))
    total = session.scalar(query.with_only_columns(func.count(Product.id)).order_by(None)) or 0
    page = session.scalars(
        query.options(joinedload(Product.category))
        .order_by(*SORT_ORDERS[filters.sort])
        .offset((filters.page - 1) * filters.page_size)
        .limit(filters.page_size)
    )
    return list(page), total


def _conditions(filters: ProductFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.search:
        # Escape LIKE's wildcards, so that searching "50%" finds "50%", not everything.
        escaped = re.sub(r"([\\%_])", r"\\\1", filters.search.lower())
        pattern = f"%{escaped}%"
        conditions.append(
            or_(
                func.lower(Product.name).like(pattern, escape="\\"),
                func.lower(Product.description).like(pattern, escape="\\"),
            )
        )
    if filters.category is not None:
        # An unknown slug matches no category, so the page is simply empty.
        conditions.append(
            Product.category_id.in_(select(Category.id).where(Category.slug == filters.category))
        )
    if filters.min_price is not None:
        conditions.append(Product.price_cents >= filters.min_price)
    if filters.max_price is not None:
        conditions.append(Product.price_cents <= filters.max_price)
    if filters.in_stock is True:
        conditions.append(Product.stock > 0)
    elif filters.in_stock is False:
        conditions.append(Product.stock == 0)
    return conditions


def create_product(session: Session, *, data: ProductCreate) -> Product:
    _check_currency(data.currency)
    category = _existing_category(session, data.category_id)
    product = Product(
        name=data.name,
        description=data.description,
        price_cents=data.price_cents,
        currency=data.currency,
        stock=data.stock,
        category=category,
        image_url=data.image_url,
    )

    def next_slug() -> str:  # looked for again when another product took it meanwhile
        return _unique_product_slug(session, data.name)

    if not add_with_free_slug(session, product, next_slug, tries=10):
        raise ConflictError("Many products of this name are being saved: try again.", field="name")
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}
    return product


def update_product(session: Session, *, product: Product, changes: ProductUpdate) -> Product:
    fields = changes.model_dump(exclude_unset=True)
    for required in ("name", "price_cents", "currency", "stock", "category_id", "description"):
        if required in fields and fields[required] is None:
            raise InvalidInputError("must not be null", field=required)
    if "currency" in fields:
        _check_currency(fields["currency"])
    if "category_id" in fields:
        product.category = _existing_category(session, fields.pop("category_id"))
    for name, value in fields.items():
        setattr(product, name, value)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}
    return product


def delete_product(session: Session, *, product: Product) -> None:
    # Cart lines go with it (ON DELETE CASCADE); order lines keep their copied name and price.
    session.delete(product)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(CATALOGUE_CACHE)
{%- endif %}


def _check_currency(currency: str) -> None:
    if currency != settings.SHOP_CURRENCY:
        raise InvalidInputError(
            f"This shop sells in {settings.SHOP_CURRENCY} only.", field="currency"
        )


def _existing_category(session: Session, category_id: int) -> Category:
    category = session.get(Category, category_id)
    if category is None:
        raise InvalidInputError("No category has this id.", field="category_id")
    return category


def _unique_product_slug(session: Session, name: str) -> str:
    """The name's slug, with -2, -3... added when another product already has it."""
    base = slugify(name)
    taken = set(
        session.scalars(
            select(Product.slug).where(or_(Product.slug == base, Product.slug.like(f"{base}-%")))
        )
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _commit_or_conflict(session: Session, message: str) -> None:
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        raise ConflictError(message, field="slug") from None
