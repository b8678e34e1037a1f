"""`make seed`: a few users who follow each other, with posts, likes and comments.

The data is templates/_kinds/social/seed.yaml, shipped as data.json. It goes in
through the same services as the API's requests, so the seeded network obeys every
rule (and its notifications exist). Running it again changes nothing.
"""

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import models  # noqa: F401 (registers every table)
from app.social.accounts.models import User
from app.social.accounts.schemas import UserCreate
from app.social.accounts.service import register_user
from app.social.comments.schemas import CommentCreate
from app.social.comments.service import add_comment
from app.social.posts.models import Post
from app.social.posts.schemas import PostCreate
from app.social.posts.service import create_post, like_post
from app.social.profiles.service import follow

SEED_FILE = Path(__file__).with_name("data.json")


def seed(session: Session, data: dict[str, Any]) -> int:
    """Create the seed users and their activity; return how many users were added."""
    usernames = [item["username"] for item in data["users"]]
    if session.scalar(select(User.id).where(User.username.in_(usernames))) is not None:
        return 0  # seeded before: leave the network as its users changed it
    users = {
        item["username"]: register_user(
            session,
            data=UserCreate(
                username=item["username"], email=item["email"], password=data["password"]
            ),
        )
        for item in data["users"]
    }
    for item in data["users"]:
        users[item["username"]].bio = item.get("bio")
    for follower, followed in data["follows"].items():
        for name in followed:
            follow(session, follower=users[follower], followed=users[name])
    posts: list[Post] = [
        create_post(session, author=users[item["author"]], data=PostCreate(body=item["body"]))
        for item in data["posts"]
    ]
    # Posts are numbered from 1 in the seed file, in the order they are listed.
    for item in data["likes"]:
        like_post(session, post=posts[item["post"] - 1], user=users[item["user"]])
    for item in data["comments"]:
        add_comment(
            session,
            post=posts[item["post"] - 1],
            author=users[item["author"]],
            data=CommentCreate(body=item["body"]),
        )
    session.commit()
    return len(users)


def load_seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    return data


def summary(added: int, data: dict[str, Any]) -> str:
    """What `make seed` prints: who to sign in as, or that there was nothing to do."""
    if not added:
        return "The seed users exist already: nothing to do."
    return (
        f"Seeded {added} users with follows, posts, likes and comments.\n"
        f"Sign in as {data['users'][0]['email']} with the password {data['password']}."
    )
