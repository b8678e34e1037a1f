"""The catalogue: anyone may browse; only admins may change it.

Admin-only routes say so in their decorator (`dependencies=[Depends(require_admin)]`),
which answers 401 to anonymous callers and 403 to customers before the route runs.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from app.core.db import SessionDep
from app.core.openapi import error_responses
from app.shop.accounts.dependencies import check_token, require_admin
from app.shop.catalog import service
from app.shop.catalog.dependencies import CategoryDep, ProductDep
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

# Every route reads the token first, even where anyone may call: a bad or expired
# token gets 401 before anything else.
router = APIRouter(tags=["Catalogue"], dependencies=[check_token])
ADMIN_ONLY = [Depends(require_admin)]


@router.get("/categories", response_model=list[CategoryPublic])
def list_categories(*, session: SessionDep) -> list[CategoryPublic]:
    """Every category, by name."""
    return [CategoryPublic.model_validate(c) for c in service.list_categories(session)]


@router.post(
    "/categories",
    status_code=status.HTTP_201_CREATED,
    response_model=CategoryPublic,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403, 409),
)
def create_category(*, session: SessionDep, body: CategoryCreate) -> CategoryPublic:
    """Add a category (admin); the slug is made from the name when absent."""
    return CategoryPublic.model_validate(service.create_category(session, data=body))


@router.patch(
    "/categories/{category_id}",
    response_model=CategoryPublic,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403, 409),
)
def update_category(
    *, session: SessionDep, category: CategoryDep, body: CategoryUpdate
) -> CategoryPublic:
    """Rename a category or change its slug (admin)."""
    updated = service.update_category(session, category=category, changes=body)
    return CategoryPublic.model_validate(updated)


@router.delete(
    "/categories/{category_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403, 409),
)
def delete_category(*, session: SessionDep, category: CategoryDep) -> Response:
    """Delete an empty category (admin); 409 while it still has products."""
    service.delete_category(session, category=category)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/products", response_model=ProductsPage)
def list_products(
    *, session: SessionDep, filters: Annotated[ProductFilters, Query()]
) -> ProductsPage:
    """Search, filter, sort and page through the products."""
    products, total = service.list_products(session, filters=filters)
    return ProductsPage(
        items=[ProductPublic.model_validate(p) for p in products],
        total=total,
        page=filters.page,
        page_size=filters.page_size,
    )


@router.get("/products/{product_id}", response_model=ProductPublic)
def read_product(*, product: ProductDep) -> ProductPublic:
    """One product."""
    return ProductPublic.model_validate(product)


@router.post(
    "/products",
    status_code=status.HTTP_201_CREATED,
    response_model=ProductPublic,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403, 409),
)
def create_product(*, session: SessionDep, body: ProductCreate) -> ProductPublic:
    """Add a product (admin)."""
    return ProductPublic.model_validate(service.create_product(session, data=body))


@router.patch(
    "/products/{product_id}",
    response_model=ProductPublic,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403, 409),
)
def update_product(
    *, session: SessionDep, product: ProductDep, body: ProductUpdate
) -> ProductPublic:
    """Change any of a product's fields (admin)."""
    updated = service.update_product(session, product=product, changes=body)
    return ProductPublic.model_validate(updated)


@router.delete(
    "/products/{product_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=ADMIN_ONLY,
    responses=error_responses(403),
)
def delete_product(*, session: SessionDep, product: ProductDep) -> Response:
    """Delete a product (admin); past orders keep their copy of its name and price."""
    service.delete_product(session, product=product)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
