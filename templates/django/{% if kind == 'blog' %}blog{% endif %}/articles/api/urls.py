from django.urls import path

from blog.articles.api.views import TagListView

# ArticleViewSet is on the router (blog/urls.py); the rest is here.
urlpatterns = [
    path("tags", TagListView.as_view(), name="tag-list"),
]
