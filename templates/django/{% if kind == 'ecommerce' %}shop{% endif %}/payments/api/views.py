"""POST /api/payments/webhook: events from the payment provider, signed with a shared secret."""

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import error_responses
from shop.payments import services, signatures


class WebhookView(APIView):
    # The provider sends no user token: the signature is what authenticates it.
    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        request={"application/json": dict},
        parameters=[OpenApiParameter("Payment-Signature", str, OpenApiParameter.HEADER)],
        responses={
            200: inline_serializer("WebhookAnswer", {"status": serializers.CharField()}),
            **error_responses(400),
        },
        tags=["Payments"],
    )
    def post(self, request: Request) -> Response:
        """Receive a signed event (payment.succeeded, payment.refunded); 400 if unsigned."""
        # The signature covers the exact bytes sent: check them before parsing anything.
        # (Bodies over 1 MiB never get here: core.middleware.BodySizeLimitMiddleware.)
        signatures.verify(
            request.headers.get("Payment-Signature"),
            request.body,
            secret=settings.PAYMENT_WEBHOOK_SECRET,
        )
        event = services.parse_event(request.body)
        return Response({"status": services.webhook_event_handle(event=event)})
