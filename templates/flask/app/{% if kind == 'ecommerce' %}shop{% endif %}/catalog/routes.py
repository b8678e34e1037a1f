"""The catalogue: anyone may browse; only admins may change it (`admin_required`)."""

from typing import Any

from flask import Blueprint

from app.core.db import session
from app.core.validation import json_body, query_parameters
from app.shop.accounts.auth import admin_required
from app.shop.catalog import service
from app.shop.catalog.schemas import (
    CategoryCreate,
    CategoryPublic,
    CategoryUpdate,
    ProductCreate,
    ProductFilters,
    ProductPublic,
    ProductsPage,
    ProductUpdate,
)
from app.shop.path_ids import path_id

blueprint = Blueprint("catalog", __name__)


def category_json(category: Any) -> dict[str, Any]:
    return CategoryPublic.model_validate(category).model_dump(mode="json")


def product_json(product: Any) -> dict[str, Any]:
    return ProductPublic.model_validate(product).model_dump(mode="json")


@blueprint.get("/categories")
def list_categories() -> list[dict[str, Any]]:
    """Every category, by name."""
    return [category_json(category) for category in service.list_categories(session())]


@blueprint.post("/categories")
@admin_required
def create_category() -> tuple[dict[str, Any], int]:
    """Add a category (admin); the slug is made from the name when absent."""
    body = json_body(CategoryCreate)
    return category_json(service.create_category(session(), data=body)), 201


@blueprint.patch("/categories/<category_id>")
@admin_required
def update_category(category_id: str) -> dict[str, Any]:
    """Rename a category or change its slug (admin)."""
    category = service.get_category(session(), category_id=path_id(category_id, name="category_id"))
    body = json_body(CategoryUpdate)
    return category_json(service.update_category(session(), category=category, changes=body))


@blueprint.delete("/categories/<category_id>")
@admin_required
def delete_category(category_id: str) -> tuple[str, int]:
    """Delete an empty category (admin); 409 while it still has products."""
    category = service.get_category(session(), category_id=path_id(category_id, name="category_id"))
    service.delete_category(session(), category=category)
    return "", 204


@blueprint.get("/products")
def list_products() -> dict[str, Any]:
    """Search, filter, sort and page through the products."""
    filters = query_parameters(ProductFilters)
    products, total = service.list_products(session(), filters=filters)
    page = ProductsPage(
        items=[ProductPublic.model_validate(product) for product in products],
        total=total,
        page=filters.page,
        page_size=filters.page_size,
    )
    return page.model_dump(mode="json")


@blueprint.get("/products/<product_id>")
def read_product(product_id: str) -> dict[str, Any]:
    """One product."""
    product_id_number = path_id(product_id, name="product_id")
    return product_json(service.get_product(session(), product_id=product_id_number))


@blueprint.post("/products")
@admin_required
def create_product() -> tuple[dict[str, Any], int]:
    """Add a product (admin)."""
    body = json_body(ProductCreate)
    return product_json(service.create_product(session(), data=body)), 201


@blueprint.patch("/products/<product_id>")
@admin_required
def update_product(product_id: str) -> dict[str, Any]:
    """Change any of a product's fields (admin)."""
    product = service.get_product(session(), product_id=path_id(product_id, name="product_id"))
    body = json_body(ProductUpdate)
    return product_json(service.update_product(session(), product=product, changes=body))


@blueprint.delete("/products/<product_id>")
@admin_required
def delete_product(product_id: str) -> tuple[str, int]:
    """Delete a product (admin); past orders keep their copy of its name and price."""
    product = service.get_product(session(), product_id=path_id(product_id, name="product_id"))
    service.delete_product(session(), product=product)
    return "", 204
