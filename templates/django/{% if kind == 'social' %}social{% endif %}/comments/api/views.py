"""Comments under a post: list, add; and delete one."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.schema import error_responses
from social.comments import selectors, services
from social.comments.api.serializers import (
    CommentCreateInputSerializer,
    CommentOutputSerializer,
    CommentPageOutputSerializer,
)
from social.comments.permissions import IsCommentOrPostAuthor
from social.fields import checked_id
from social.pagination import PageQuerySerializer, page_params, page_response
from social.posts.selectors import post_get_plain


class CommentListView(APIView):
    def get_permissions(self) -> list[Any]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: CommentPageOutputSerializer},
        tags=["Comments"],
    )
    def get(self, request: Request, post_id: int) -> Response:
        """The comments under a post, oldest first."""
        post = post_get_plain(post_id=checked_id(post_id))
        page = selectors.comment_list(post=post, params=page_params(request.query_params))
        return page_response(page, CommentOutputSerializer)

    @extend_schema(
        request=CommentCreateInputSerializer,
        responses={201: CommentOutputSerializer},
        tags=["Comments"],
    )
    def post(self, request: Request, post_id: int) -> Response:
        """Comment on a post (at most 1000 characters)."""
        post = post_get_plain(post_id=checked_id(post_id))
        serializer = CommentCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.comment_create(
            post=post, author=request.user, body=serializer.validated_data["body"]
        )
        return Response(CommentOutputSerializer(comment).data, status=status.HTTP_201_CREATED)


class CommentDetailView(APIView):
    permission_classes = (IsAuthenticated, IsCommentOrPostAuthor)

    @extend_schema(responses={204: None, **error_responses(403)}, tags=["Comments"])
    def delete(self, request: Request, comment_id: int) -> Response:
        """Delete a comment: yours, or anyone's under your post."""
        comment = selectors.comment_get(comment_id=checked_id(comment_id))
        self.check_object_permissions(request, comment)
        services.comment_delete(comment=comment)
        return Response(status=status.HTTP_204_NO_CONTENT)
