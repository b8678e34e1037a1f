"""Comments under an article: list, add, delete."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from blog.articles.selectors import article_get_by_slug
from blog.comments import selectors, services
from blog.comments.api.serializers import (
    CommentCreateRequestSerializer,
    CommentListResponseSerializer,
    CommentOutputSerializer,
    CommentResponseSerializer,
)
from blog.comments.permissions import IsCommentAuthor
from core.schema import error_responses


class CommentListView(APIView):
    def get_permissions(self) -> list[AllowAny | IsAuthenticated]:
        return [AllowAny()] if self.request.method == "GET" else [IsAuthenticated()]

    @extend_schema(responses={200: CommentListResponseSerializer}, tags=["Comments"])
    def get(self, request: Request, slug: str) -> Response:
        """The comments under an article, newest first."""
        article = article_get_by_slug(slug=slug)
        comments = selectors.comment_list(article=article, viewer=request.user)
        return Response({"comments": CommentOutputSerializer(comments, many=True).data})

    # 200, not 201: that is what the RealWorld spec says for this one endpoint.
    @extend_schema(
        request=CommentCreateRequestSerializer,
        responses={200: CommentResponseSerializer},
        tags=["Comments"],
    )
    def post(self, request: Request, slug: str) -> Response:
        """Comment on an article."""
        article = article_get_by_slug(slug=slug)
        serializer = CommentCreateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        comment = services.comment_create(
            article=article, author=request.user, body=serializer.validated_data["comment"]["body"]
        )
        comment = selectors.comment_get(article=article, comment_id=comment.pk, viewer=request.user)
        return Response({"comment": CommentOutputSerializer(comment).data})


class CommentDetailView(APIView):
    permission_classes = (IsAuthenticated, IsCommentAuthor)

    @extend_schema(responses={204: None, **error_responses(403)}, tags=["Comments"])
    def delete(self, request: Request, slug: str, comment_id: int) -> Response:
        """Delete your comment."""
        article = article_get_by_slug(slug=slug)
        comment = selectors.comment_get(article=article, comment_id=comment_id, viewer=None)
        self.check_object_permissions(request, comment)
        services.comment_delete(comment=comment)
        return Response(status=status.HTTP_204_NO_CONTENT)
