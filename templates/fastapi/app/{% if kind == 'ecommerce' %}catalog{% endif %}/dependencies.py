"""Load the category or product named in the path, or answer 404."""

from typing import Annotated

from fastapi import Depends

from app.catalog import service
from app.catalog.models import Category, Product
from app.core.db import SessionDep


def valid_category(session: SessionDep, category_id: int) -> Category:
    return service.get_category(session, category_id=category_id)


def valid_product(session: SessionDep, product_id: int) -> Product:
    return service.get_product(session, product_id=product_id)


CategoryDep = Annotated[Category, Depends(valid_category)]
ProductDep = Annotated[Product, Depends(valid_product)]
