"""Your notifications, and marking them read."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from social.notifications import selectors, services
from social.notifications.api.serializers import (
    MarkReadInputSerializer,
    NotificationOutputSerializer,
    NotificationPageOutputSerializer,
)
from social.pagination import PageQuerySerializer, page_params, page_response


class NotificationListView(APIView):
    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: NotificationPageOutputSerializer},
        tags=["Notifications"],
    )
    def get(self, request: Request) -> Response:
        """Your notifications, newest first, and how many are unread."""
        page = selectors.notification_list(
            user=request.user, params=page_params(request.query_params)
        )
        response = page_response(page, NotificationOutputSerializer)
        response.data["unread_count"] = selectors.unread_count(user=request.user)
        return response


class MarkReadView(APIView):
    @extend_schema(request=MarkReadInputSerializer, responses={204: None}, tags=["Notifications"])
    def post(self, request: Request) -> Response:
        """Mark the notifications with these ids read, or all of them with {"all": true}."""
        serializer = MarkReadInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        everything = serializer.validated_data["all"]
        ids = None if everything else serializer.validated_data["ids"]
        services.notifications_mark_read(user=request.user, ids=ids)
        return Response(status=status.HTTP_204_NO_CONTENT)
