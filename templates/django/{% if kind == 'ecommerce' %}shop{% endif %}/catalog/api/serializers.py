"""What /api/categories and /api/products accept (Input) and return (Output)."""

from typing import Any

from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from shop.catalog.models import Category, Product
from shop.pagination import PageQuerySerializer

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SORTS = ("price", "-price", "name", "-created_at")


class CategoryCreateInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    slug = serializers.RegexField(SLUG_PATTERN, max_length=120, required=False)


class CategoryUpdateInputSerializer(serializers.Serializer):
    """Only the fields sent are changed."""

    name = serializers.CharField(max_length=100, required=False)
    slug = serializers.RegexField(SLUG_PATTERN, max_length=120, required=False)


class CategoryOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ("id", "name", "slug")


class ProductCreateInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10_000, allow_blank=True, default="")
    price_cents = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    currency = serializers.RegexField(r"^[A-Z]{3}$")
    stock = serializers.IntegerField(min_value=0, max_value=2**31 - 1)
    # An unknown id is a 422 naming category_id ("object does not exist").
    category_id = serializers.PrimaryKeyRelatedField(
        queryset=Category.objects.all(), source="category"
    )
    image_url = serializers.URLField(max_length=2048, allow_null=True, required=False)


class ProductUpdateInputSerializer(ProductCreateInputSerializer):
    """The same fields, each optional: only the ones sent are changed (partial=True)."""


class ProductOutputSerializer(serializers.ModelSerializer):
    category = CategoryOutputSerializer()

    class Meta:
        model = Product
        fields = (
            "id",
            "name",
            "slug",
            "description",
            "price_cents",
            "currency",
            "stock",
            "category",
            "image_url",
            "created_at",
            "updated_at",
        )


class ProductListQuerySerializer(PageQuerySerializer):
    """?search=&category=&min_price=&max_price=&in_stock=&sort=&page=&page_size= (422 if bad)."""

    search = serializers.CharField(max_length=100, required=False)
    category = serializers.CharField(max_length=120, required=False)
    min_price = serializers.IntegerField(min_value=0, required=False)
    max_price = serializers.IntegerField(min_value=0, required=False)
    in_stock = serializers.BooleanField(required=False)
    sort = serializers.ChoiceField(SORTS, default="-created_at")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low, high = attrs.get("min_price"), attrs.get("max_price")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError({"min_price": "must not be above max_price"})
        return attrs


# One page is one object: without many=False a list view's answer is documented as a list.
@extend_schema_serializer(many=False)
class ProductPageSerializer(serializers.Serializer):
    items = ProductOutputSerializer(many=True)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
