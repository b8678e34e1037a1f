"""The blogging platform's endpoints, all under /api (config/api_router.py includes them).

Articles are a ViewSet on a router; every other app lists its paths in its api/urls.py.
reverse("api:<name>") finds any of them, e.g. reverse("api:article-detail", args=[slug]).
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from blog.articles.api.views import ArticleViewSet

# RealWorld's paths have no trailing slash: /api/articles, not /api/articles/.
router = SimpleRouter(trailing_slash=False)
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    path("", include("blog.users.api.urls")),
    path("", include("blog.profiles.api.urls")),
    path("", include("blog.comments.api.urls")),
    path("", include("blog.articles.api.urls")),
    *router.urls,
]
