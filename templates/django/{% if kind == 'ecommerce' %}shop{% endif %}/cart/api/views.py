"""The signed-in customer's cart. Every change answers with the whole cart."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import error_responses
from shop.cart import selectors, services
from shop.cart.api.serializers import (
    CartItemAddInputSerializer,
    CartItemUpdateInputSerializer,
    CartOutputSerializer,
)


def cart_response(request: Request) -> Response:
    return Response(selectors.cart_summary(user=request.user))


class CartView(APIView):
    @extend_schema(responses={200: CartOutputSerializer}, tags=["Cart"])
    def get(self, request: Request) -> Response:
        """Your cart, priced at today's prices."""
        return cart_response(request)


class CartItemListView(APIView):
    @extend_schema(
        request=CartItemAddInputSerializer,
        responses={200: CartOutputSerializer, **error_responses(404)},
        tags=["Cart"],
    )
    def post(self, request: Request) -> Response:
        """Add a product, or more of one already in the cart (never more than in stock)."""
        serializer = CartItemAddInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.cart_add_item(user=request.user, **serializer.validated_data)
        return cart_response(request)


class CartItemDetailView(APIView):
    @extend_schema(
        request=CartItemUpdateInputSerializer, responses={200: CartOutputSerializer}, tags=["Cart"]
    )
    def patch(self, request: Request, product_id: int) -> Response:
        """Set a line's quantity; 0 removes it."""
        serializer = CartItemUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.cart_set_quantity(
            user=request.user, product_id=product_id, **serializer.validated_data
        )
        return cart_response(request)

    @extend_schema(responses={204: None}, tags=["Cart"])
    def delete(self, request: Request, product_id: int) -> Response:
        """Remove a product from your cart."""
        services.cart_remove_item(user=request.user, product_id=product_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
