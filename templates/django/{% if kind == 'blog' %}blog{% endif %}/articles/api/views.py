"""Articles, the feed, favourites and tags.

ArticleViewSet is registered on the router in blog/urls.py, which makes
/api/articles (list, create), /api/articles/<slug> (read, change, delete) and, from
the @action methods, /api/articles/feed and /api/articles/<slug>/favorite.
"""

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from blog.articles import selectors, services
from blog.articles.api.serializers import (
    ArticleCreateRequestSerializer,
    ArticleListQuerySerializer,
    ArticleListResponseSerializer,
    ArticleOutputSerializer,
    ArticleResponseSerializer,
    ArticleSummaryOutputSerializer,
    ArticleUpdateRequestSerializer,
    FeedQuerySerializer,
    TagListResponseSerializer,
)
from blog.articles.models import Article
from blog.articles.permissions import IsAuthorOrReadOnly
from core.schema import error_responses

PAGE_PARAMETERS = [
    OpenApiParameter("limit", int, description="How many articles (1-100, default 20)."),
    OpenApiParameter("offset", int, description="How many articles to skip (default 0)."),
]


def page_response(articles: QuerySet[Article], *, limit: int, offset: int) -> Response:
    """One page of articles and the total count, as RealWorld wants them."""
    total = articles.count()
    page = articles[offset : offset + limit]
    data = ArticleSummaryOutputSerializer(page, many=True).data
    return Response({"articles": data, "articlesCount": total})


class ArticleViewSet(viewsets.ViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_permissions(self) -> list[Any]:
        if self.action in ("list", "retrieve"):
            return [AllowAny()]
        if self.action in ("update", "destroy"):
            return [IsAuthenticated(), IsAuthorOrReadOnly()]
        return [IsAuthenticated()]

    def get_object(self, slug: str) -> Article:
        article = selectors.article_get(slug=slug, viewer=self.request.user)
        self.check_object_permissions(self.request, article)
        return article

    def article_response(self, slug: str, status_code: int = status.HTTP_200_OK) -> Response:
        article = selectors.article_get(slug=slug, viewer=self.request.user)
        return Response({"article": ArticleOutputSerializer(article).data}, status=status_code)

    @extend_schema(
        parameters=[ArticleListQuerySerializer],
        responses={200: ArticleListResponseSerializer},
        tags=["Articles"],
    )
    def list(self, request: Request) -> Response:
        """Recent articles from everyone, newest first, optionally filtered."""
        query = ArticleListQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        articles = selectors.article_list(
            viewer=request.user,
            tag=params.get("tag"),
            author=params.get("author"),
            favorited=params.get("favorited"),
        )
        return page_response(articles, limit=params["limit"], offset=params["offset"])

    @extend_schema(
        parameters=PAGE_PARAMETERS,
        responses={200: ArticleListResponseSerializer},
        tags=["Articles"],
    )
    @action(detail=False, methods=["get"])
    def feed(self, request: Request) -> Response:
        """Recent articles by the authors you follow, newest first."""
        query = FeedQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        articles = selectors.article_feed(viewer=request.user)
        return page_response(articles, **query.validated_data)

    @extend_schema(
        request=ArticleCreateRequestSerializer,
        responses={201: ArticleResponseSerializer},
        tags=["Articles"],
    )
    def create(self, request: Request) -> Response:
        """Publish an article; its slug is made from the title."""
        serializer = ArticleCreateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = services.article_create(
            author=request.user, **serializer.validated_data["article"]
        )
        return self.article_response(article.slug, status.HTTP_201_CREATED)

    @extend_schema(responses={200: ArticleResponseSerializer}, tags=["Articles"])
    def retrieve(self, request: Request, slug: str) -> Response:
        """One article, in full."""
        return Response({"article": ArticleOutputSerializer(self.get_object(slug)).data})

    @extend_schema(
        request=ArticleUpdateRequestSerializer,
        responses={200: ArticleResponseSerializer, **error_responses(403)},
        tags=["Articles"],
    )
    def update(self, request: Request, slug: str) -> Response:
        """Change your article; only the fields sent are changed."""
        article = self.get_object(slug)
        serializer = ArticleUpdateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        article = services.article_update(
            article=article, changes=dict(serializer.validated_data["article"])
        )
        return self.article_response(article.slug)

    @extend_schema(responses={204: None, **error_responses(403)}, tags=["Articles"])
    def destroy(self, request: Request, slug: str) -> Response:
        """Delete your article, with its comments and favourites."""
        services.article_delete(article=self.get_object(slug))
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        methods=["POST", "DELETE"],
        request=None,
        responses={200: ArticleResponseSerializer},
        tags=["Favorites"],
    )
    @action(detail=True, methods=["post", "delete"])
    def favorite(self, request: Request, slug: str) -> Response:
        """POST adds the article to your favourites; DELETE removes it."""
        article = self.get_object(slug)
        if request.method == "POST":
            services.favorite_create(user=request.user, article=article)
        else:
            services.favorite_delete(user=request.user, article=article)
        return self.article_response(article.slug)


class TagListView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(responses={200: TagListResponseSerializer}, tags=["Tags"])
    def get(self, request: Request) -> Response:
        """Every tag in use, alphabetically."""
        return Response({"tags": selectors.tag_names()})
