"""Profiles, follows and the user search. No HTTP in here.

A profile shows three counts and whether the caller follows the user. They are
computed by the database as part of the same SELECT (correlated subqueries), so
a list of 20 profiles costs one query, not 1 + 20 x 4 (the "N+1 queries" problem).
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, exists, false, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

{% if cache == 'redis' %}from app.core.cache import cache
{% endif %}from app.core.errors import InvalidInputError, NotFoundError
from app.social.accounts.models import User
from app.social.notifications.models import NotificationType
from app.social.notifications.service import notify
from app.social.pagination import (
    after_time_key,
    decode_text_key,
    decode_time_key,
    encode_text_key,
    encode_time_key,
    split_page,
)
from app.social.posts.models import Post
from app.social.profiles.models import Follow
from app.social.profiles.schemas import ProfileUpdate


@dataclass(frozen=True)
class ProfileView:
    """A user with the facts that depend on other rows and on who is asking."""

    user: User
    followers_count: int
    following_count: int
    posts_count: int
    following: bool


@dataclass(frozen=True)
class ProfilePageResult:
    views: list[ProfileView]
    next_cursor: str | None


{% if cache == 'redis' %}def profile_cache(username: str) -> str:
    """The cache scope of one profile's public part (app/core/cache.py): its name, bio,
    avatar and three counts. Whether the reader follows them is never cached."""
    return f"profile:{username}"


def is_following(session: Session, *, viewer: User, username: str) -> bool:
    """Whether `viewer` follows the user named `username` (False when there is none)."""
    followed_id = select(User.id).where(User.username == username).scalar_subquery()
    query = exists().where(Follow.follower_id == viewer.id, Follow.followed_id == followed_id)
    return bool(session.scalar(select(query)))


{% endif %}def get_user_by_username(session: Session, *, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError("There is no user with this username.", field="username")
    return user


def get_profile(session: Session, *, user: User, viewer: User | None) -> ProfileView:
    return _to_view(session.execute(_profiles_query(viewer).where(User.id == user.id)).one())


def update_profile(session: Session, *, user: User, changes: ProfileUpdate) -> User:
    # Only the fields sent are changed; model_fields_set tells "sent as null" from "not sent".
    if "bio" in changes.model_fields_set:
        user.bio = changes.bio
    if "avatar_url" in changes.model_fields_set:
        user.avatar_url = changes.avatar_url
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(profile_cache(user.username))
{%- endif %}
    return user


def search_profiles(
    session: Session, *, term: str, viewer: User | None, limit: int, cursor: str | None
) -> ProfilePageResult:
    """Users whose username starts with `term`, alphabetically.

    autoescape=True escapes "%" and "_" in the term, which LIKE would otherwise
    read as wildcards: searching "a_b" must not find "axb".
    """
    query = _profiles_query(viewer).where(User.username.startswith(term, autoescape=True))
    if cursor is not None:
        query = query.where(User.username > decode_text_key(cursor))
    rows, more = split_page(
        session.execute(query.order_by(User.username).limit(limit + 1)).all(), limit
    )
    views = [_to_view(row) for row in rows]
    next_cursor = encode_text_key(views[-1].user.username) if more else None
    return ProfilePageResult(views=views, next_cursor=next_cursor)


def list_followers(
    session: Session, *, user: User, viewer: User | None, limit: int, cursor: str | None
) -> ProfilePageResult:
    """Who follows `user`, most recent follow first."""
    link = aliased(Follow)
    return _follow_page(
        session, link, link.follower_id, link.followed_id == user.id, viewer, limit, cursor
    )


def list_following(
    session: Session, *, user: User, viewer: User | None, limit: int, cursor: str | None
) -> ProfilePageResult:
    """Whom `user` follows, most recent follow first."""
    link = aliased(Follow)
    return _follow_page(
        session, link, link.followed_id, link.follower_id == user.id, viewer, limit, cursor
    )


def follow(session: Session, *, follower: User, followed: User) -> None:
    """Make `follower` follow `followed`; following twice changes nothing."""
    if follower.id == followed.id:
        raise InvalidInputError("You cannot follow yourself.", field="username")
    try:
        # A savepoint: if another request creates the same follow at the same moment,
        # the primary key refuses this insert and only the savepoint is undone.
        with session.begin_nested():
            session.add(Follow(follower_id=follower.id, followed_id=followed.id))
    except IntegrityError:
        session.commit()
        return
    notify(session, recipient_id=followed.id, actor_id=follower.id, type=NotificationType.FOLLOW)
    session.commit()
{%- if cache == 'redis' %}
    # Both counts changed: the follower's "following" and the followed's "followers".
    cache.invalidate(profile_cache(follower.username), profile_cache(followed.username))
{%- endif %}


def unfollow(session: Session, *, follower: User, followed: User) -> None:
    """Stop following; unfollowing someone you do not follow changes nothing.

    One DELETE statement, not load-then-delete: when two unfollows arrive at once,
    the second finds no row and changes nothing, instead of deleting an object
    whose row is already gone.
    """
    session.execute(
        delete(Follow).where(Follow.follower_id == follower.id, Follow.followed_id == followed.id)
    )
    session.commit()
{%- if cache == 'redis' %}
    cache.invalidate(profile_cache(follower.username), profile_cache(followed.username))
{%- endif %}


def _profiles_query(viewer: User | None) -> Select[Any]:
    """SELECT users with their counts and `following` flag, all in the one query."""

    def count(column: Any, condition: ColumnElement[bool]) -> Any:
        return select(func.count(column)).where(condition).correlate(User).scalar_subquery()

    following: ColumnElement[bool] = (
        exists().where(Follow.follower_id == viewer.id, Follow.followed_id == User.id)
        if viewer is not None
        else false()
    )
    return select(
        User,
        count(Follow.follower_id, Follow.followed_id == User.id).label("followers_count"),
        count(Follow.followed_id, Follow.follower_id == User.id).label("following_count"),
        count(Post.id, Post.author_id == User.id).label("posts_count"),
        following.label("following"),
    )


def _follow_page(
    session: Session,
    link: Any,
    other_id: Any,
    condition: ColumnElement[bool],
    viewer: User | None,
    limit: int,
    cursor: str | None,
) -> ProfilePageResult:
    """One page of follows matching `condition`, as profiles of the users at `other_id`.

    `link` is an alias of the follows table: the profile query counts follows in
    subqueries, which must not be tied to the follow row this page is listing.

    The cursor is the follow's (created_at, other user's id): the pair is unique,
    so the order is total and walking the pages never repeats or skips anyone.
    """
    query = (
        _profiles_query(viewer)
        .add_columns(link.created_at)
        .join(link, other_id == User.id)
        .where(condition)
    )
    if cursor is not None:
        query = query.where(
            after_time_key(decode_time_key(cursor), link.created_at, other_id, newest_first=True)
        )
    query = query.order_by(link.created_at.desc(), other_id.desc()).limit(limit + 1)
    rows, more = split_page(session.execute(query).all(), limit)
    views = [_to_view(row) for row in rows]
    next_cursor = None
    if more:
        last = rows[-1]
        next_cursor = encode_time_key(last.created_at, last.User.id)
    return ProfilePageResult(views=views, next_cursor=next_cursor)


def _to_view(row: Any) -> ProfileView:
    return ProfileView(
        user=row.User,
        followers_count=row.followers_count,
        following_count=row.following_count,
        posts_count=row.posts_count,
        following=bool(row.following),
    )
