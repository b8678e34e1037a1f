"""What /api/posts accepts (Input) and returns (Output)."""

from rest_framework import serializers

from social.fields import TextBodyField
from social.posts.models import POST_MAX_LENGTH, Post
from social.users.api.serializers import AuthorOutputSerializer


class PostCreateInputSerializer(serializers.Serializer):
    body = TextBodyField(max_length=POST_MAX_LENGTH)


class PostOutputSerializer(serializers.ModelSerializer):
    """A post. like_count, comment_count and liked_by_me are annotations made by
    social/posts/selectors.py in the same query as the post."""

    author = AuthorOutputSerializer()
    like_count = serializers.IntegerField()
    comment_count = serializers.IntegerField()
    liked_by_me = serializers.BooleanField()

    class Meta:
        model = Post
        fields = (
            "id",
            "body",
            "author",
            "like_count",
            "comment_count",
            "liked_by_me",
            "created_at",
        )


class PostPageOutputSerializer(serializers.Serializer):
    items = PostOutputSerializer(many=True)
    next_cursor = serializers.CharField(allow_null=True)
