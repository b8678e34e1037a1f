from django.urls import path

from blog.comments.api.views import CommentDetailView, CommentListView

urlpatterns = [
    path("articles/<str:slug>/comments", CommentListView.as_view(), name="comment-list"),
    path(
        "articles/<str:slug>/comments/<int:comment_id>",
        CommentDetailView.as_view(),
        name="comment-detail",
    ),
]
