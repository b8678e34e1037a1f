"""The catalogue: anyone may browse; only admins may change it.

Both ViewSets are registered on the router in shop/urls.py, which makes
/api/categories, /api/categories/<id>, /api/products and /api/products/<id>.
"""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from core.schema import error_responses
from shop.accounts.permissions import IsShopAdmin
from shop.catalog import selectors, services
from shop.catalog.api.serializers import (
    CategoryCreateInputSerializer,
    CategoryOutputSerializer,
    CategoryUpdateInputSerializer,
    ProductCreateInputSerializer,
    ProductListQuerySerializer,
    ProductOutputSerializer,
    ProductPageSerializer,
    ProductUpdateInputSerializer,
)
from shop.pagination import page_data


class CatalogueViewSet(viewsets.ViewSet):
    """Reading is open to anyone; every write is for admins (401 anonymous, 403 customers)."""

    # Ids are digits: /api/products/abc is a 404 like any unknown address.
    lookup_value_regex = "[0-9]+"

    def get_permissions(self) -> list[Any]:
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        return [IsShopAdmin()]


class CategoryViewSet(CatalogueViewSet):
    @extend_schema(responses={200: CategoryOutputSerializer(many=True)}, tags=["Catalogue"])
    def list(self, request: Request) -> Response:
        """Every category, by name."""
        return Response(CategoryOutputSerializer(selectors.category_list(), many=True).data)

    @extend_schema(
        request=CategoryCreateInputSerializer,
        responses={201: CategoryOutputSerializer, **error_responses(403, 409)},
        tags=["Catalogue"],
    )
    def create(self, request: Request) -> Response:
        """Add a category (admin); the slug is made from the name when absent."""
        serializer = CategoryCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        category = services.category_create(**serializer.validated_data)
        return Response(CategoryOutputSerializer(category).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=CategoryUpdateInputSerializer,
        responses={200: CategoryOutputSerializer, **error_responses(403, 409)},
        tags=["Catalogue"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Rename a category or change its slug (admin)."""
        category = selectors.category_get(category_id=int(pk))
        serializer = CategoryUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        category = services.category_update(category=category, changes=serializer.validated_data)
        return Response(CategoryOutputSerializer(category).data)

    @extend_schema(responses={204: None, **error_responses(403, 409)}, tags=["Catalogue"])
    def destroy(self, request: Request, pk: str) -> Response:
        """Delete an empty category (admin); 409 while it still has products."""
        services.category_delete(category=selectors.category_get(category_id=int(pk)))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProductViewSet(CatalogueViewSet):
    @extend_schema(
        parameters=[ProductListQuerySerializer],
        responses={200: ProductPageSerializer},
        tags=["Catalogue"],
    )
    def list(self, request: Request) -> Response:
        """Search, filter, sort and page through the products."""
        # .dict(): a plain dict, so that an absent ?in_stock= stays absent (DRF reads a
        # missing boolean in form-like data, such as a query string, as false).
        query = ProductListQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        params = query.validated_data
        products = selectors.product_list(**params)
        return Response(
            page_data(
                products,
                ProductOutputSerializer,
                page=params["page"],
                page_size=params["page_size"],
            )
        )

    @extend_schema(responses={200: ProductOutputSerializer}, tags=["Catalogue"])
    def retrieve(self, request: Request, pk: str) -> Response:
        """One product."""
        return Response(ProductOutputSerializer(selectors.product_get(product_id=int(pk))).data)

    @extend_schema(
        request=ProductCreateInputSerializer,
        responses={201: ProductOutputSerializer, **error_responses(403, 409)},
        tags=["Catalogue"],
    )
    def create(self, request: Request) -> Response:
        """Add a product (admin)."""
        serializer = ProductCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        product = services.product_create(**serializer.validated_data)
        return Response(ProductOutputSerializer(product).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ProductUpdateInputSerializer,
        responses={200: ProductOutputSerializer, **error_responses(403, 409)},
        tags=["Catalogue"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Change any of a product's fields (admin)."""
        product = selectors.product_get(product_id=int(pk))
        serializer = ProductUpdateInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        product = services.product_update(product=product, changes=serializer.validated_data)
        return Response(ProductOutputSerializer(product).data)

    @extend_schema(responses={204: None, **error_responses(403)}, tags=["Catalogue"])
    def destroy(self, request: Request, pk: str) -> Response:
        """Delete a product (admin); past orders keep their copy of its name and price."""
        services.product_delete(product=selectors.product_get(product_id=int(pk)))
        return Response(status=status.HTTP_204_NO_CONTENT)
