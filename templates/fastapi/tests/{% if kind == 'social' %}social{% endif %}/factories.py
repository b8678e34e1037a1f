"""Test data: each factory makes one valid row, with unique values unless told otherwise.

Tests call these to *arrange* the data they need, then exercise the API and check
both the response and what was stored.
"""

import itertools

from sqlalchemy.orm import Session

from app.core.security import create_access_token, hash_password
from app.social.accounts.models import User
from app.social.comments.models import Comment
from app.social.notifications.models import Notification, NotificationType
from app.social.posts.models import Like, Post
from app.social.profiles.models import Follow

DEFAULT_PASSWORD = "correct horse battery"
_sequence = itertools.count(1)


def create_user(
    session: Session,
    *,
    username: str | None = None,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    bio: str | None = None,
    avatar_url: str | None = None,
) -> User:
    number = next(_sequence)
    user = User(
        username=username or f"user{number}",
        email=email or f"user{number}@example.com",
        password_hash=hash_password(password),
        bio=bio,
        avatar_url=avatar_url,
    )
    session.add(user)
    session.commit()
    return user


def create_post(session: Session, *, author: User, body: str | None = None) -> Post:
    post = Post(body=body or f"Post number {next(_sequence)}", author_id=author.id)
    session.add(post)
    session.commit()
    return post


def create_comment(
    session: Session, *, post: Post, author: User, body: str = "Nice post!"
) -> Comment:
    comment = Comment(body=body, post_id=post.id, author_id=author.id)
    session.add(comment)
    session.commit()
    return comment


def create_follow(session: Session, *, follower: User, followed: User) -> None:
    session.add(Follow(follower_id=follower.id, followed_id=followed.id))
    session.commit()


def create_like(session: Session, *, user: User, post: Post) -> None:
    session.add(Like(user_id=user.id, post_id=post.id))
    session.commit()


def create_notification(
    session: Session, *, recipient: User, actor: User, post: Post | None = None
) -> Notification:
    notification = Notification(
        recipient_id=recipient.id,
        actor_id=actor.id,
        type=NotificationType.LIKE if post else NotificationType.FOLLOW,
        post_id=post.id if post else None,
    )
    session.add(notification)
    session.commit()
    return notification


def auth_headers(user: User) -> dict[str, str]:
    """The header a signed-in client sends."""
    return {"Authorization": f"Bearer {create_access_token(str(user.id))}"}
