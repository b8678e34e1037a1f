"""GET /api/feed."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from social.feed.selectors import home_feed
from social.pagination import PageQuerySerializer, page_params, page_response
from social.posts.api.serializers import PostOutputSerializer, PostPageOutputSerializer


class FeedView(APIView):
    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: PostPageOutputSerializer},
        tags=["Feed"],
    )
    def get(self, request: Request) -> Response:
        """Posts by the people you follow and your own, newest first."""
        page = home_feed(user=request.user, params=page_params(request.query_params))
        return page_response(page, PostOutputSerializer)
