"""What the /notifications endpoints accept (Input) and return (Output)."""

from typing import Any

from rest_framework import serializers

from social.fields import IdField
from social.notifications.models import Notification
from social.users.api.serializers import AuthorOutputSerializer


class MarkReadInputSerializer(serializers.Serializer):
    """Either {"ids": [...]} or {"all": true}."""

    ids = serializers.ListField(child=IdField(), max_length=1000, required=False)
    all = serializers.BooleanField(required=False, default=False)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if "ids" not in data and not data["all"]:
            raise serializers.ValidationError({"ids": ['send "ids": [...] or "all": true']})
        return data


class NotificationOutputSerializer(serializers.ModelSerializer):
    actor = AuthorOutputSerializer()

    class Meta:
        model = Notification
        fields = ("id", "type", "actor", "post_id", "read", "created_at")


class NotificationPageOutputSerializer(serializers.Serializer):
    items = NotificationOutputSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True)
    unread_count = serializers.IntegerField()
