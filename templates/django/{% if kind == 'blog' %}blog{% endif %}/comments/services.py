"""Writes to comments."""

from django.db import transaction

from blog.articles.models import Article
from blog.comments.models import Comment
from blog.users.models import User
from core.rows import lock


def comment_create(*, article: Article, author: User, body: str) -> Comment:
    with transaction.atomic():
        lock(article)  # not deleted while the comment is added
        return Comment.objects.create(article=article, author=author, body=body)


def comment_delete(*, comment: Comment) -> None:
    with transaction.atomic():
        comment.delete()
