"""Profiles and follows. No HTTP in here."""

from sqlalchemy import ColumnElement, delete, exists, false
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.blog.accounts.models import User
from app.blog.profiles.models import Follow
from app.blog.profiles.schemas import ProfilePublic
from app.core.errors import InvalidInputError


def is_followed_by(
    viewer_id: int | ColumnElement[int] | None, author_id: InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """SQL that is true when the user `viewer_id` (None: nobody) follows the user whose
    id is `author_id`. The id may be a bound parameter, given when the query runs.

    Put into a list query, it computes every row's `following` flag in the same
    query, instead of one extra query per row (the "N+1 queries" problem).
    """
    if viewer_id is None:
        return false()
    return exists().where(Follow.follower_id == viewer_id, Follow.followed_id == author_id)


def to_profile(user: User, *, following: bool) -> ProfilePublic:
    return ProfilePublic(
        username=user.username, bio=user.bio, image=user.image, following=following
    )


def is_following(session: Session, *, follower: User | None, followed: User) -> bool:
    if follower is None:
        return False
    return session.get(Follow, (follower.id, followed.id)) is not None


def follow(session: Session, *, follower: User, followed: User) -> None:
    """Make `follower` follow `followed`; following twice changes nothing."""
    if follower.id == followed.id:
        raise InvalidInputError("cannot follow yourself", field="profile")
    if is_following(session, follower=follower, followed=followed):
        return
    session.add(Follow(follower_id=follower.id, followed_id=followed.id))
    try:
        session.commit()
    except IntegrityError:
        # Another request created the same follow a moment ago: the result is the same.
        session.rollback()


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
