"""The social network's endpoints, all under /api (config/api_router.py includes them).

Posts are a ViewSet on a router; every other app lists its paths in its api/urls.py.
reverse("api:<name>") finds any of them, e.g. reverse("api:post-detail", args=[post_id]).
"""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from social.posts.api.views import PostViewSet

# The API's paths have no trailing slash: /api/posts, not /api/posts/.
router = SimpleRouter(trailing_slash=False)
router.register("posts", PostViewSet, basename="post")

urlpatterns = [
    path("", include("social.users.api.urls")),
    path("", include("social.follows.api.urls")),
    path("", include("social.posts.api.urls")),
    path("", include("social.likes.api.urls")),
    path("", include("social.comments.api.urls")),
    path("", include("social.feed.api.urls")),
    path("", include("social.notifications.api.urls")),
    *router.urls,
]
