from django.urls import path

from social.likes.api.views import LikeView

urlpatterns = [
    path("posts/<int:post_id>/like", LikeView.as_view(), name="post-like"),
]
