"""Reads of comments: the author and whether the caller follows them, in one query."""

from django.db.models import QuerySet

from blog.articles.models import Article
from blog.comments.models import Comment
from blog.profiles.selectors import following_annotation
from blog.users.models import User
from core.errors import NotFoundError


def comment_list(*, article: Article, viewer: User | None) -> QuerySet[Comment]:
    """The comments under `article`, newest first."""
    return (
        Comment.objects.filter(article=article)
        .select_related("author")
        .annotate(author_following=following_annotation(viewer=viewer, user_ref="author_id"))
        .order_by("-created_at", "-id")
    )


def comment_get(*, article: Article, comment_id: int, viewer: User | None) -> Comment:
    comment = comment_list(article=article, viewer=viewer).filter(pk=comment_id).first()
    if comment is None:
        raise NotFoundError("comment not found", field="comment")
    return comment
