"""Load the category or product named in the path, or answer 404."""

from typing import Annotated

from fastapi import Depends, Path

from app.core.db import SessionDep
from app.shop.catalog import service
from app.shop.catalog.models import Category, Product
from app.shop.catalog.schemas import MAX_INT

# An id in the path beyond the INTEGER column's range is refused with 422 here,
# before the database driver fails on it.
IdInPath = Annotated[int, Path(ge=1, le=MAX_INT)]


def valid_category(session: SessionDep, category_id: IdInPath) -> Category:
    return service.get_category(session, category_id=category_id)


def valid_product(session: SessionDep, product_id: IdInPath) -> Product:
    return service.get_product(session, product_id=product_id)


CategoryDep = Annotated[Category, Depends(valid_category)]
ProductDep = Annotated[Product, Depends(valid_product)]
