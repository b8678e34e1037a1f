"""`make seed` fills an empty network so that the feed shows something at once."""

import json

from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy.orm import Session

from app.social.seed import SEED_FILE, seed


def test_seed_creates_users_who_follow_each_other_with_posts(
    client: FlaskClient, session: Session
) -> None:
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))

    added = seed(session, data)

    assert added == len(data["users"]) >= 3
    first = data["users"][0]
    login = client.post(
        "/api/auth/login", json={"email": first["email"], "password": data["password"]}
    )
    token = login.json["token"]
    feed = client.get("/api/feed", headers={"Authorization": f"Bearer {token}"}).json
    assert len(feed["items"]) >= 3
    profile = client.get(f"/api/users/{first['username']}").json
    assert profile["followers_count"] > 0
    assert profile["following_count"] > 0


def test_seeding_twice_changes_nothing(session: Session) -> None:
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    seed(session, data)

    assert seed(session, data) == 0


def test_the_seed_command_seeds_once_and_says_so(runner: FlaskCliRunner) -> None:
    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert first.exit_code == 0, first.output
    assert "Sign in as" in first.output
    assert "nothing to do" in second.output
