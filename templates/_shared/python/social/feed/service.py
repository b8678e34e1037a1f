"""The home feed: what the people you follow (and you) posted, newest first.

This is "fan-out on read": the feed is a query over posts, computed when asked.
It stays fast with the index on posts (author_id, created_at) while people
follow hundreds of users; beyond that, big networks precompute each user's
feed when a post is published ("fan-out on write") and keep it in Redis.
"""

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.social.accounts.models import User
from app.social.posts.models import Post
from app.social.posts.service import PostPageResult, list_posts
from app.social.profiles.models import Follow


def home_feed(session: Session, *, user: User, limit: int, cursor: str | None) -> PostPageResult:
    followed_ids = select(Follow.followed_id).where(Follow.follower_id == user.id)
    mine_or_followed = or_(Post.author_id == user.id, Post.author_id.in_(followed_ids))
    return list_posts(
        session, conditions=[mine_or_followed], viewer=user, limit=limit, cursor=cursor
    )
