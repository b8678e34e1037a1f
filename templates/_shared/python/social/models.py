"""Every table of the social network in one import (app/models.py gathers them for Alembic)."""

from app.social.accounts.models import User
from app.social.comments.models import Comment
from app.social.notifications.models import Notification
from app.social.posts.models import Like, Post
from app.social.profiles.models import Follow

__all__ = ["Comment", "Follow", "Like", "Notification", "Post", "User"]
