"""`make seed`: a few users who follow each other, with posts, likes and comments.

The data is social/seed/data.json (written from the template's seed.yaml). It goes
in through the same services as the API's requests, so the seeded network obeys
every rule (and its notifications exist). Running it again changes nothing.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from social.comments.services import comment_create
from social.follows.services import follow_create
from social.likes.services import like_create
from social.posts.services import post_create
from social.users.models import User
from social.users.services import profile_update, user_register

SEED_FILE = Path(__file__).resolve().parents[2] / "data.json"


def seed(data: dict[str, Any]) -> int:
    """Create the seed users and their activity; return how many users were added."""
    usernames = [item["username"] for item in data["users"]]
    if User.objects.filter(username__in=usernames).exists():
        return 0  # seeded before: leave the network as its users changed it
    with transaction.atomic():
        users = {}
        for item in data["users"]:
            user = user_register(
                username=item["username"], email=item["email"], password=data["password"]
            )
            users[item["username"]] = profile_update(user=user, changes={"bio": item.get("bio")})
        for follower, followed in data["follows"].items():
            for name in followed:
                follow_create(follower=users[follower], followed=users[name])
        posts = [
            post_create(author=users[item["author"]], body=item["body"]) for item in data["posts"]
        ]
        # Posts are numbered from 1 in the seed file, in the order they are listed.
        for item in data["likes"]:
            like_create(user=users[item["user"]], post=posts[item["post"] - 1])
        for item in data["comments"]:
            comment_create(
                post=posts[item["post"] - 1], author=users[item["author"]], body=item["body"]
            )
    return len(users)


class Command(BaseCommand):
    help = "Add a few users who follow each other, with posts (safe to run twice)."

    def handle(self, *args: Any, **options: Any) -> None:
        data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
        added = seed(data)
        if not added:
            self.stdout.write("The seed users exist already: nothing to do.")
            return
        self.stdout.write(f"Seeded {added} users with follows, posts, likes and comments.")
        first = data["users"][0]["email"]
        self.stdout.write(f"Sign in as {first} with the password {data['password']}.")
