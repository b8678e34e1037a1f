"""Comments under posts. No HTTP in here."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import NotFoundError, PermissionDeniedError
from app.social.accounts.models import User
from app.social.comments.models import Comment
from app.social.comments.schemas import CommentCreate
from app.social.notifications.models import NotificationType
from app.social.notifications.service import notify
from app.social.pagination import after_time_key, decode_time_key, encode_time_key, split_page
from app.social.posts.models import Post


@dataclass(frozen=True)
class CommentPageResult:
    comments: list[Comment]
    next_cursor: str | None


def list_comments(
    session: Session, *, post: Post, limit: int, cursor: str | None
) -> CommentPageResult:
    """Oldest first (a conversation reads top to bottom), authors in the same query."""
    query = select(Comment).where(Comment.post_id == post.id).options(joinedload(Comment.author))
    if cursor is not None:
        key = decode_time_key(cursor)
        query = query.where(after_time_key(key, Comment.created_at, Comment.id, newest_first=False))
    query = query.order_by(Comment.created_at, Comment.id).limit(limit + 1)
    comments, more = split_page(session.scalars(query).all(), limit)
    next_cursor = None
    if more:
        last = comments[-1]
        next_cursor = encode_time_key(last.created_at, last.id)
    return CommentPageResult(comments=comments, next_cursor=next_cursor)


def add_comment(session: Session, *, post: Post, author: User, data: CommentCreate) -> Comment:
    comment = Comment(body=data.body, post_id=post.id, author_id=author.id, author=author)
    session.add(comment)
    notify(
        session,
        recipient_id=post.author_id,
        actor_id=author.id,
        type=NotificationType.COMMENT,
        post_id=post.id,
    )
    session.commit()
    return comment


def get_deletable_comment(session: Session, *, comment_id: int, user: User) -> Comment:
    """The comment, if `user` may delete it: its author, or the author of its post.

    A post's author moderates the conversation under it, so they may remove
    anyone's comment there; nobody else may.
    """
    row = session.execute(
        select(Comment, Post.author_id)
        .join(Post, Post.id == Comment.post_id)
        .where(Comment.id == comment_id)
    ).one_or_none()
    if row is None:
        raise NotFoundError("There is no comment with this id.", field="id")
    comment, post_author_id = row
    if user.id not in (comment.author_id, post_author_id):
        raise PermissionDeniedError("Only the comment's author or the post's author may delete it.")
    return comment


def delete_comment(session: Session, *, comment: Comment) -> None:
    session.delete(comment)
    session.commit()
