from django.urls import path

from social.follows.api.views import FollowerListView, FollowingListView, FollowView

urlpatterns = [
    path("users/<str:username>/follow", FollowView.as_view(), name="user-follow"),
    path("users/<str:username>/followers", FollowerListView.as_view(), name="user-followers"),
    path("users/<str:username>/following", FollowingListView.as_view(), name="user-following"),
]
