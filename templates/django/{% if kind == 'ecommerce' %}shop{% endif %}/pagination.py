"""Page-number pagination for the shop's lists: ?page=1&page_size=20.

Every list answers {items, total, page, page_size}. Two queries, whatever the page
size: the page itself (with what the serializer needs joined or prefetched by the
selector) and the total count.
"""

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers


class PageQuerySerializer(serializers.Serializer):
    """?page= (from 1) and ?page_size= (1-100): a bad value is 422, never a huge query."""

    page = serializers.IntegerField(min_value=1, max_value=1_000_000, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=20)


def page_data(
    queryset: QuerySet[Any],
    serializer_class: type[serializers.BaseSerializer],
    *,
    page: int,
    page_size: int,
) -> dict[str, Any]:
    start = (page - 1) * page_size
    items = queryset[start : start + page_size]
    return {
        "items": serializer_class(items, many=True).data,
        "total": queryset.count(),
        "page": page,
        "page_size": page_size,
    }
