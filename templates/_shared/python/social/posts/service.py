"""Posts and likes. No HTTP in here.

Reading lists without the "N+1 queries" problem is the heart of this module:
each post on a page needs its author, its like and comment counts, and whether
the caller liked it. Asked one by one, that is 1 + 20 x 4 queries for a page of
20; here the database answers everything in one SELECT.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

{% if cache == 'redis' %}from app.core.cache import cache
{% endif %}from app.core.errors import NotFoundError
from app.social.accounts.models import User
from app.social.comments.models import Comment
from app.social.notifications.models import Notification, NotificationType
from app.social.notifications.service import notify
from app.social.pagination import after_time_key, decode_time_key, encode_time_key, split_page
from app.social.posts.models import Like, Post
from app.social.posts.schemas import PostCreate
{%- if cache == 'redis' %}
from app.social.profiles.service import profile_cache
{%- endif %}


@dataclass(frozen=True)
class PostView:
    """A post with the facts that depend on other rows and on who is asking."""

    post: Post
    like_count: int
    comment_count: int
    liked_by_me: bool


@dataclass(frozen=True)
class PostPageResult:
    views: list[PostView]
    next_cursor: str | None


def get_post(session: Session, *, post_id: int) -> Post:
    post = session.get(Post, post_id)
    if post is None:
        raise NotFoundError("There is no post with this id.", field="id")
    return post


def get_post_view(session: Session, *, post: Post, viewer: User | None) -> PostView:
    return _to_view(session.execute(_views_query(viewer).where(Post.id == post.id)).one())


def list_posts(
    session: Session,
    *,
    conditions: Sequence[ColumnElement[bool]],
    viewer: User | None,
    limit: int,
    cursor: str | None,
) -> PostPageResult:
    """One page of the posts that match `conditions`, newest first."""
    query = _views_query(viewer).where(*conditions)
    if cursor is not None:
        key = decode_time_key(cursor)
        query = query.where(after_time_key(key, Post.created_at, Post.id, newest_first=True))
    query = query.order_by(Post.created_at.desc(), Post.id.desc()).limit(limit + 1)
    rows, more = split_page(session.execute(query).all(), limit)
    views = [_to_view(row) for row in rows]
    next_cursor = None
    if more:
        last = views[-1].post
        next_cursor = encode_time_key(last.created_at, last.id)
    return PostPageResult(views=views, next_cursor=next_cursor)


def create_post(session: Session, *, author: User, data: PostCreate) -> Post:
    post = Post(body=data.body, author_id=author.id)
    session.add(post)
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(profile_cache(author.username))  # the author's post count
{%- endif %}
    return post


def delete_post(session: Session, *, post: Post) -> None:
    """Delete a post with its likes, comments and the notifications about it.

    The foreign keys say ON DELETE CASCADE too; deleting explicitly keeps the
    rule visible here and independent of the database's settings.
    """
    for model in (Notification, Like, Comment):
        session.execute(delete(model).where(model.post_id == post.id))
{%- if cache == 'redis' %}
    author = session.scalar(select(User.username).where(User.id == post.author_id))
{%- endif %}
    session.delete(post)
    session.commit()
{%- if cache == 'redis' %}
    if author is not None:
        cache.invalidate(profile_cache(author))  # the author's post count
{%- endif %}


def like_post(session: Session, *, post: Post, user: User) -> None:
    """Like a post; liking it again changes nothing, even from two requests at once."""
    try:
        # A savepoint: when a concurrent request inserted the same like first, the
        # primary key refuses this one, and only the savepoint is undone.
        with session.begin_nested():
            session.add(Like(user_id=user.id, post_id=post.id))
    except IntegrityError:
        session.commit()
        return
    notify(
        session,
        recipient_id=post.author_id,
        actor_id=user.id,
        type=NotificationType.LIKE,
        post_id=post.id,
    )
    session.commit()


def unlike_post(session: Session, *, post: Post, user: User) -> None:
    session.execute(delete(Like).where(Like.user_id == user.id, Like.post_id == post.id))
    session.commit()


def _views_query(viewer: User | None) -> Select[Any]:
    """SELECT posts with their per-row facts computed by the database, not by Python."""
    like_count = (
        select(func.count(Like.user_id))
        .where(Like.post_id == Post.id)
        .correlate(Post)
        .scalar_subquery()
    )
    comment_count = (
        select(func.count(Comment.id))
        .where(Comment.post_id == Post.id)
        .correlate(Post)
        .scalar_subquery()
    )
    liked_by_me: ColumnElement[bool] = (
        exists().where(Like.post_id == Post.id, Like.user_id == viewer.id)
        if viewer is not None
        else false()
    )
    return select(
        Post,
        like_count.label("like_count"),
        comment_count.label("comment_count"),
        liked_by_me.label("liked_by_me"),
    ).options(joinedload(Post.author))  # the same query: one JOIN brings the authors


def _to_view(row: Any) -> PostView:
    return PostView(
        post=row.Post,
        like_count=row.like_count,
        comment_count=row.comment_count,
        liked_by_me=bool(row.liked_by_me),
    )
