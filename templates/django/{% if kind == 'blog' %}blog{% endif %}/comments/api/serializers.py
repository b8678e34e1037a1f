from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from blog.comments.models import Comment
from blog.profiles.api.serializers import ProfileOutputSerializer, profile_data


class CommentCreateInputSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=10_000)


class CommentCreateRequestSerializer(serializers.Serializer):
    comment = CommentCreateInputSerializer()


class CommentOutputSerializer(serializers.ModelSerializer):
    createdAt = serializers.DateTimeField(source="created_at")  # noqa: N815
    updatedAt = serializers.DateTimeField(source="updated_at")  # noqa: N815
    author = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ("id", "createdAt", "updatedAt", "body", "author")

    @extend_schema_field(ProfileOutputSerializer)
    def get_author(self, comment: Comment) -> dict[str, Any]:
        return profile_data(comment.author, following=comment.author_following)


class CommentResponseSerializer(serializers.Serializer):
    comment = CommentOutputSerializer()


class CommentListResponseSerializer(serializers.Serializer):
    comments = CommentOutputSerializer(many=True)
