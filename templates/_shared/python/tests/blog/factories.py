"""Test data: each factory makes one valid row, with unique values unless told otherwise.

Tests call these to *arrange* the data they need, then exercise the API and check
both the response and what was stored.
"""

import itertools

from sqlalchemy.orm import Session

from app.blog.accounts.models import User
from app.blog.articles import service as article_service
from app.blog.articles.models import Article, Favorite
from app.blog.articles.schemas import ArticleCreate
from app.blog.comments.models import Comment
from app.blog.profiles.models import Follow
from app.core.security import create_access_token, hash_password

DEFAULT_PASSWORD = "correct horse battery"
_sequence = itertools.count(1)


def create_user(
    session: Session,
    *,
    username: str | None = None,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    bio: str | None = None,
    image: str | None = None,
) -> User:
    number = next(_sequence)
    user = User(
        username=username or f"user{number}",
        email=email or f"user{number}@example.com",
        password_hash=hash_password(password),
        bio=bio,
        image=image,
    )
    session.add(user)
    session.commit()
    return user


def create_article(
    session: Session,
    *,
    author: User,
    title: str | None = None,
    description: str = "A short description",
    body: str = "The body of the article.",
    tags: list[str] | None = None,
) -> Article:
    data = ArticleCreate(
        title=title or f"Article number {next(_sequence)}",
        description=description,
        body=body,
        tag_list=tags or [],
    )
    return article_service.create_article(session, author=author, data=data)


def create_comment(
    session: Session, *, article: Article, author: User, body: str = "Nice article!"
) -> Comment:
    comment = Comment(body=body, article_id=article.id, author_id=author.id)
    session.add(comment)
    session.commit()
    return comment


def create_follow(session: Session, *, follower: User, followed: User) -> None:
    session.add(Follow(follower_id=follower.id, followed_id=followed.id))
    session.commit()


def create_favorite(session: Session, *, user: User, article: Article) -> None:
    session.add(Favorite(user_id=user.id, article_id=article.id))
    session.commit()


def auth_headers(user: User) -> dict[str, str]:
    """The header a signed-in RealWorld client sends."""
    return {"Authorization": f"Token {create_access_token(str(user.id))}"}
