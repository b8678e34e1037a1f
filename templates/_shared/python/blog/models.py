"""Every table of the blog in one import (app/models.py gathers them for Alembic)."""

from app.blog.accounts.models import User
from app.blog.articles.models import Article, Favorite, Tag, article_tags
from app.blog.comments.models import Comment
from app.blog.profiles.models import Follow

__all__ = ["Article", "Comment", "Favorite", "Follow", "Tag", "User", "article_tags"]
