from django.urls import path

from social.posts.api.views import UserPostListView

# PostViewSet is on the router (social/urls.py); the rest is here.
urlpatterns = [
    path("users/<str:username>/posts", UserPostListView.as_view(), name="user-posts"),
]
