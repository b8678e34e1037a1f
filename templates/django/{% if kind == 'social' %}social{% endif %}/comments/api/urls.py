from django.urls import path

from social.comments.api.views import CommentDetailView, CommentListView

urlpatterns = [
    path("posts/<int:post_id>/comments", CommentListView.as_view(), name="post-comments"),
    path("comments/<int:comment_id>", CommentDetailView.as_view(), name="comment-detail"),
]
