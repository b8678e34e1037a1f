"""Posts: publish, read, delete, and a user's posts.

PostViewSet is registered on the router in social/urls.py, which makes
POST /api/posts (create) and GET and DELETE /api/posts/<id> (retrieve, destroy).
"""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import error_responses
from social.fields import checked_id
from social.pagination import PageQuerySerializer, page_params, page_response
from social.posts import selectors, services
from social.posts.api.serializers import (
    PostCreateInputSerializer,
    PostOutputSerializer,
    PostPageOutputSerializer,
)
from social.posts.models import Post
from social.posts.permissions import IsAuthor
from social.users.models import User
from social.users.selectors import user_get_by_username


def post_response(post_id: int, viewer: User | None, status_code: int = 200) -> Response:
    """The post as the API shows it to `viewer`, read again with its counts."""
    post = selectors.post_get(post_id=post_id, viewer=viewer)
    return Response(PostOutputSerializer(post).data, status=status_code)


class PostViewSet(viewsets.ViewSet):
    # Digits only: /api/posts/abc is a 404; ids too large for the column are a 422.
    lookup_value_regex = "[0-9]+"

    def get_permissions(self) -> list[Any]:
        if self.action == "retrieve":
            return [AllowAny()]
        if self.action == "destroy":
            return [IsAuthenticated(), IsAuthor()]
        return [IsAuthenticated()]

    def get_object(self, pk: str) -> Post:
        post = selectors.post_get(post_id=checked_id(int(pk)), viewer=self.request.user)
        self.check_object_permissions(self.request, post)
        return post

    @extend_schema(
        request=PostCreateInputSerializer, responses={201: PostOutputSerializer}, tags=["Posts"]
    )
    def create(self, request: Request) -> Response:
        """Publish a post (at most 280 characters)."""
        serializer = PostCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        post = services.post_create(author=request.user, body=serializer.validated_data["body"])
        return post_response(post.pk, request.user, status.HTTP_201_CREATED)

    @extend_schema(responses={200: PostOutputSerializer}, tags=["Posts"])
    def retrieve(self, request: Request, pk: str) -> Response:
        """One post."""
        return Response(PostOutputSerializer(self.get_object(pk)).data)

    @extend_schema(responses={204: None, **error_responses(403)}, tags=["Posts"])
    def destroy(self, request: Request, pk: str) -> Response:
        """Delete your post, with its likes, comments and notifications."""
        services.post_delete(post=self.get_object(pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class UserPostListView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: PostPageOutputSerializer},
        tags=["Posts"],
    )
    def get(self, request: Request, username: str) -> Response:
        """A user's posts, newest first."""
        author = user_get_by_username(username=username)
        page = selectors.post_list_by_author(
            author=author, viewer=request.user, params=page_params(request.query_params)
        )
        return page_response(page, PostOutputSerializer)
