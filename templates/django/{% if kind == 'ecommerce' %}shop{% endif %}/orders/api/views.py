"""Checkout, the caller's orders, payment, cancellation and shipping.

OrderViewSet is registered on the router in shop/urls.py, which makes
/api/orders (list, checkout), /api/orders/<id> (read, ship) and, from the @action
methods, /api/orders/<id>/pay and /api/orders/<id>/cancel.
"""

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from core.schema import error_responses
from shop.accounts.permissions import IsShopAdmin
from shop.orders import idempotency, selectors, services
from shop.orders.api.serializers import (
    CheckoutInputSerializer,
    OrderOutputSerializer,
    OrderPageSerializer,
    OrderStatusInputSerializer,
    PaymentInputSerializer,
)
from shop.orders.models import Order
from shop.pagination import PageQuerySerializer, page_data
from shop.payments.provider import get_payment_provider

IDEMPOTENCY_KEY = OpenApiParameter(
    idempotency.HEADER,
    str,
    OpenApiParameter.HEADER,
    required=True,
    description="Any unique string (a UUID): a retry with the same key acts once.",
)


class OrderViewSet(viewsets.ViewSet):
    lookup_value_regex = "[0-9]+"

    def get_permissions(self) -> list[Any]:
        if self.action == "partial_update":
            return [IsShopAdmin()]
        return [IsAuthenticated()]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Cancel unpaid orders past their hold before any order is read or changed,
        # so that nobody sees (or pays) an order that should have expired.
        services.orders_expire_overdue()

    def get_order(self, pk: str) -> Order:
        return selectors.order_get_visible(order_id=int(pk), user=self.request.user)

    @extend_schema(
        parameters=[PageQuerySerializer], responses={200: OrderPageSerializer}, tags=["Orders"]
    )
    def list(self, request: Request) -> Response:
        """Your orders, newest first."""
        query = PageQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        orders = selectors.order_list(user=request.user)
        return Response(page_data(orders, OrderOutputSerializer, **query.validated_data))

    @extend_schema(
        request=CheckoutInputSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={201: OrderOutputSerializer, **error_responses(400, 409)},
        tags=["Orders"],
    )
    def create(self, request: Request) -> Response:
        """Turn your cart into an order and reserve its stock (Idempotency-Key required)."""
        serializer = CheckoutInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        address = dict(serializer.validated_data["shipping_address"])

        def checkout(key: str) -> Any:
            order = services.order_checkout(user=request.user, shipping_address=address)
            return OrderOutputSerializer(order).data

        return idempotency.run_once(
            request, body=serializer.validated_data, status_code=201, action=checkout
        )

    @extend_schema(responses={200: OrderOutputSerializer}, tags=["Orders"])
    def retrieve(self, request: Request, pk: str) -> Response:
        """One of your orders (an admin may read any)."""
        return Response(OrderOutputSerializer(self.get_order(pk)).data)

    @extend_schema(
        request=OrderStatusInputSerializer,
        responses={200: OrderOutputSerializer, **error_responses(403, 409)},
        tags=["Orders"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        """Mark a paid order as shipped (admin)."""
        order = self.get_order(pk)
        OrderStatusInputSerializer(data=request.data).is_valid(raise_exception=True)
        return Response(OrderOutputSerializer(services.order_ship(order=order)).data)

    @extend_schema(
        request=PaymentInputSerializer,
        parameters=[IDEMPOTENCY_KEY],
        responses={200: OrderOutputSerializer, **error_responses(400, 402, 409, 502)},
        tags=["Orders"],
    )
    @action(detail=True, methods=["post"])
    def pay(self, request: Request, pk: str) -> Response:
        """Pay with a card token (Idempotency-Key required): 402 declined, 502 outage."""
        order = self.get_order(pk)
        serializer = PaymentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def pay(key: str) -> Any:
            paid = services.order_pay(
                order=order,
                payment_token=serializer.validated_data["payment_token"],
                # The provider gets the key too, scoped to this user: its own retry guard.
                idempotency_key=f"user-{request.user.pk}-{key}",
                provider=get_payment_provider(),
            )
            return OrderOutputSerializer(paid).data

        return idempotency.run_once(
            request, body=serializer.validated_data, status_code=200, action=pay
        )

    @extend_schema(
        request=None,
        responses={200: OrderOutputSerializer, **error_responses(409, 502)},
        tags=["Orders"],
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str) -> Response:
        """Cancel an unpaid order or refund a paid one; the stock comes back."""
        order = services.order_cancel(order=self.get_order(pk), provider=get_payment_provider())
        return Response(OrderOutputSerializer(order).data)
