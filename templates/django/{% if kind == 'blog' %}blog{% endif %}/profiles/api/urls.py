from django.urls import path

from blog.profiles.api.views import FollowView, ProfileView

urlpatterns = [
    path("profiles/<str:username>", ProfileView.as_view(), name="profile-detail"),
    path("profiles/<str:username>/follow", FollowView.as_view(), name="profile-follow"),
]
