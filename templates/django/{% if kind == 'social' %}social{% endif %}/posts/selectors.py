"""Reads of posts, in one query whatever the page size.

Each post on a page needs its author, its like and comment counts, and whether the
caller liked it. Asked one by one, that is 1 + 20 x 4 queries for a page of 20
(the "N+1 queries" problem); here the database answers everything in one SELECT:
the author by a JOIN (select_related), the rest by subqueries (annotate).
tests/test_query_counts.py checks it.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet, Value

from core.errors import NotFoundError
from social.comments.models import Comment
from social.likes.models import Like
from social.pagination import Page, PageParams, time_page
from social.posts.models import Post
from social.queries import count_subquery
from social.users.models import User


def post_queryset(*, viewer: User | None) -> QuerySet[Post]:
    """Posts with everything the API shows about them, for `viewer` (None: anonymous)."""
    liked_by_me = (
        Exists(Like.objects.filter(post=OuterRef("pk"), user=viewer))
        if viewer is not None
        else Value(False)
    )
    return Post.objects.select_related("author").annotate(
        like_count=count_subquery(Like.objects.filter(post=OuterRef("pk"))),
        comment_count=count_subquery(Comment.objects.filter(post=OuterRef("pk"))),
        liked_by_me=liked_by_me,
    )


def post_get(*, post_id: int, viewer: User | None) -> Post:
    post = post_queryset(viewer=viewer).filter(pk=post_id).first()
    if post is None:
        raise NotFoundError("there is no post with this id", field="id")
    return post


def post_get_plain(*, post_id: int) -> Post:
    """Just the post (to like it or comment on it): no author or counts."""
    post = Post.objects.filter(pk=post_id).first()
    if post is None:
        raise NotFoundError("there is no post with this id", field="id")
    return post


def post_list(*, condition: Q, viewer: User | None, params: PageParams) -> Page[Post]:
    """One page of the posts that match `condition`, newest first."""
    posts = post_queryset(viewer=viewer).filter(condition)
    return time_page(posts, params, newest_first=True)


def post_list_by_author(*, author: User, viewer: User | None, params: PageParams) -> Page[Post]:
    return post_list(condition=Q(author=author), viewer=viewer, params=params)
