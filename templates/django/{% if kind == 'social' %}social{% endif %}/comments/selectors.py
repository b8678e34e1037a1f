"""Reads of comments: each with its author, in one query whatever the page size."""

from core.errors import NotFoundError
from social.comments.models import Comment
from social.pagination import Page, PageParams, time_page
from social.posts.models import Post


def comment_list(*, post: Post, params: PageParams) -> Page[Comment]:
    """The comments under `post`, oldest first (a conversation reads top to bottom)."""
    comments = Comment.objects.filter(post=post).select_related("author")
    return time_page(comments, params, newest_first=False)


def comment_get(*, comment_id: int) -> Comment:
    """The comment with its post (whose author may delete it too)."""
    comment = Comment.objects.select_related("author", "post").filter(pk=comment_id).first()
    if comment is None:
        raise NotFoundError("there is no comment with this id", field="id")
    return comment
