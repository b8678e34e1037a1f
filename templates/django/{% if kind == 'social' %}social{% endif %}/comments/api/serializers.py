"""What the comment endpoints accept (Input) and return (Output)."""

from rest_framework import serializers

from social.comments.models import COMMENT_MAX_LENGTH, Comment
from social.fields import TextBodyField
from social.users.api.serializers import AuthorOutputSerializer


class CommentCreateInputSerializer(serializers.Serializer):
    body = TextBodyField(max_length=COMMENT_MAX_LENGTH)


class CommentOutputSerializer(serializers.ModelSerializer):
    author = AuthorOutputSerializer()

    class Meta:
        model = Comment
        fields = ("id", "body", "author", "post_id", "created_at")


class CommentPageOutputSerializer(serializers.Serializer):
    items = CommentOutputSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True)
