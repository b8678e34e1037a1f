"""What /api/articles and /api/tags accept (Input) and return (Output), in camelCase."""

from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from blog.articles.models import Article
from blog.profiles.api.serializers import ProfileOutputSerializer, profile_data


class TagListField(serializers.ListField):
    """Tag names, without duplicates and sorted (as RealWorld's clients expect)."""

    child = serializers.CharField(max_length=50)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=20, **kwargs)

    def to_internal_value(self, data: Any) -> list[str]:
        return sorted(set(super().to_internal_value(data)))


class ArticleCreateInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=1000)
    body = serializers.CharField(max_length=100_000)
    tagList = TagListField(source="tag_list", required=False, default=list)  # noqa: N815


class ArticleCreateRequestSerializer(serializers.Serializer):
    article = ArticleCreateInputSerializer()


class ArticleUpdateInputSerializer(serializers.Serializer):
    """Only the fields sent are changed. tagList is not in the RealWorld spec, but
    front ends send it, so it is accepted."""

    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=1000, required=False)
    body = serializers.CharField(max_length=100_000, required=False)
    tagList = TagListField(source="tag_list", required=False)  # noqa: N815


class ArticleUpdateRequestSerializer(serializers.Serializer):
    article = ArticleUpdateInputSerializer()


class ArticleListQuerySerializer(serializers.Serializer):
    """?tag=&author=&favorited=&limit=&offset=. The bounds keep one request from asking
    the database for a million rows."""

    tag = serializers.CharField(max_length=100, required=False)
    author = serializers.CharField(max_length=100, required=False)
    favorited = serializers.CharField(max_length=100, required=False)
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)
    offset = serializers.IntegerField(min_value=0, max_value=1_000_000, default=0)


class FeedQuerySerializer(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)
    offset = serializers.IntegerField(min_value=0, max_value=1_000_000, default=0)


class ArticleSummaryOutputSerializer(serializers.ModelSerializer):
    """One article in a list: everything but the body, as the RealWorld spec says.

    favorited, favoritesCount and the author's `following` come from annotations made
    by blog/articles/selectors.py, in the same query as the article.
    """

    tagList = serializers.SerializerMethodField()  # noqa: N815
    createdAt = serializers.DateTimeField(source="created_at")  # noqa: N815
    updatedAt = serializers.DateTimeField(source="updated_at")  # noqa: N815
    favorited = serializers.BooleanField()
    favoritesCount = serializers.IntegerField(source="favorites_count")  # noqa: N815
    author = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = (
            "slug",
            "title",
            "description",
            "tagList",
            "createdAt",
            "updatedAt",
            "favorited",
            "favoritesCount",
            "author",
        )

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tagList(self, article: Article) -> list[str]:  # noqa: N802
        # Read from the prefetched tags (already sorted): no query per article.
        return [tag.name for tag in article.tags.all()]

    @extend_schema_field(ProfileOutputSerializer)
    def get_author(self, article: Article) -> dict[str, Any]:
        return profile_data(article.author, following=article.author_following)


class ArticleOutputSerializer(ArticleSummaryOutputSerializer):
    """One article, in full."""

    class Meta(ArticleSummaryOutputSerializer.Meta):
        fields = (*ArticleSummaryOutputSerializer.Meta.fields, "body")


class ArticleResponseSerializer(serializers.Serializer):
    article = ArticleOutputSerializer()


# One page is one object: without many=False a list view's answer is documented as a list.
@extend_schema_serializer(many=False)
class ArticleListResponseSerializer(serializers.Serializer):
    articles = ArticleSummaryOutputSerializer(many=True)
    articlesCount = serializers.IntegerField()  # noqa: N815


class TagListResponseSerializer(serializers.Serializer):
    tags = serializers.ListField(child=serializers.CharField())
