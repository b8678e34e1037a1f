"""Comments under articles. No HTTP in here."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.blog.accounts.models import User
from app.blog.articles.models import Article
from app.blog.comments.models import Comment
from app.blog.comments.schemas import CommentCreate
from app.blog.profiles.service import is_followed_by
from app.core.errors import NotFoundError


@dataclass(frozen=True)
class CommentView:
    comment: Comment
    author_followed: bool


def list_comments(session: Session, *, article: Article, viewer: User | None) -> list[CommentView]:
    """Newest first, each with its author and the caller's follow flag, in one query."""
    query = (
        select(Comment, is_followed_by(viewer.id if viewer else None, Comment.author_id))
        .where(Comment.article_id == article.id)
        .options(joinedload(Comment.author))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
    )
    return [
        CommentView(comment=comment, author_followed=bool(followed))
        for comment, followed in session.execute(query)
    ]


def add_comment(
    session: Session, *, article: Article, author: User, data: CommentCreate
) -> CommentView:
    comment = Comment(body=data.body, article_id=article.id, author_id=author.id, author=author)
    session.add(comment)
    session.commit()
    # You cannot follow yourself, so your own comment's author_followed is false.
    return CommentView(comment=comment, author_followed=False)


def get_comment(session: Session, *, article: Article, comment_id: int) -> Comment:
    comment = session.scalar(
        select(Comment).where(Comment.id == comment_id, Comment.article_id == article.id)
    )
    if comment is None:
        raise NotFoundError("comment not found", field="comment")
    return comment


def delete_comment(session: Session, *, comment: Comment) -> None:
    session.delete(comment)
    session.commit()
