"""Reads of the catalogue: filters, sorting and pages, in a fixed number of queries."""

from typing import Any

from django.db.models import Q, QuerySet

from core.errors import NotFoundError
from shop.catalog.models import Category, Product

# Each sort ends with the id, so that products with the same price keep a stable order.
SORT_ORDERS = {
    "price": ("price_cents", "id"),
    "-price": ("-price_cents", "-id"),
    "name": ("name", "id"),
    "-created_at": ("-created_at", "-id"),
}


def category_list() -> QuerySet[Category]:
    return Category.objects.order_by("name", "id")


def category_get(*, category_id: int) -> Category:
    category = Category.objects.filter(pk=category_id).first()
    if category is None:
        raise NotFoundError("no category has this id")
    return category


def product_get(*, product_id: int) -> Product:
    product = Product.objects.select_related("category").filter(pk=product_id).first()
    if product is None:
        raise NotFoundError("no product has this id")
    return product


def product_list(
    *,
    search: str | None = None,
    category: str | None = None,
    min_price: int | None = None,
    max_price: int | None = None,
    in_stock: bool | None = None,
    sort: str = "-created_at",
    **unused: Any,
) -> QuerySet[Product]:
    """The products that match, sorted, with their category joined (one query per page)."""
    products = Product.objects.select_related("category")
    if search:
        # icontains escapes LIKE's wildcards: searching "50%" finds "50%", not everything.
        products = products.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if category is not None:
        # An unknown slug matches no category, so the page is simply empty.
        products = products.filter(category__slug=category)
    if min_price is not None:
        products = products.filter(price_cents__gte=min_price)
    if max_price is not None:
        products = products.filter(price_cents__lte=max_price)
    if in_stock is True:
        products = products.filter(stock__gt=0)
    elif in_stock is False:
        products = products.filter(stock=0)
    return products.order_by(*SORT_ORDERS[sort])
