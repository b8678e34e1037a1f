"""The home feed: what the people you follow (and you) posted, newest first.

This is "fan-out on read": the feed is a query over posts, computed when asked.
It stays fast with the index on posts (author_id, created_at) while people follow
hundreds of users; beyond that, big networks precompute each user's feed when a
post is published ("fan-out on write") and keep it in a cache such as Redis.
"""

from django.db.models import Q

from social.follows.models import Follow
from social.pagination import Page, PageParams
from social.posts.models import Post
from social.posts.selectors import post_list
from social.users.models import User


def home_feed(*, user: User, params: PageParams) -> Page[Post]:
    followed_ids = Follow.objects.filter(follower=user).values("followed_id")
    mine_or_followed = Q(author=user) | Q(author_id__in=followed_ids)
    return post_list(condition=mine_or_followed, viewer=user, params=params)
