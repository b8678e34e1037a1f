"""Profiles and follows: the following flag is per viewer, and it is stored."""

from __future__ import annotations

import httpx
from tests.contracts.blog.conduit import Conduit, User, assert_validation_error, unique
from tests.contracts.checks import expect


def profile_of(api: httpx.Client, username: str, viewer: User | None = None) -> dict[str, object]:
    headers = viewer.auth if viewer else {}
    response = api.get(f"/profiles/{username}", headers=headers)
    profile: dict[str, object] = expect(response, 200, f"reading {username}'s profile")["profile"]
    return profile


def test_a_profile_shows_the_public_fields_only(api: httpx.Client, alice: User) -> None:
    profile = profile_of(api, alice.username)
    assert profile["username"] == alice.username
    assert profile["following"] is False
    assert {"bio", "image"} <= set(profile), f"profile lacks bio or image: {profile}"
    assert not {"email", "password", "token"} & set(profile), f"profile leaks: {profile}"


def test_following_sets_the_flag_for_the_follower_only_and_unfollowing_clears_it(
    api: httpx.Client, conduit: Conduit, alice: User, bob: User
) -> None:
    followed = expect(
        api.post(f"/profiles/{alice.username}/follow", headers=bob.auth), 200, "following"
    )["profile"]
    assert (followed["username"], followed["following"]) == (alice.username, True)
    assert profile_of(api, alice.username, viewer=bob)["following"] is True
    assert profile_of(api, alice.username)["following"] is False, "anonymous sees following"
    carol = conduit.register("carol")
    assert profile_of(api, alice.username, viewer=carol)["following"] is False
    article = conduit.create_article(alice)
    assert conduit.read_article(article["slug"], viewer=bob)["author"]["following"] is True

    again = api.post(f"/profiles/{alice.username}/follow", headers=bob.auth)
    assert expect(again, 200, "following twice")["profile"]["following"] is True
    unfollowed = expect(
        api.delete(f"/profiles/{alice.username}/follow", headers=bob.auth), 200, "unfollowing"
    )["profile"]
    assert unfollowed["following"] is False
    assert profile_of(api, alice.username, viewer=bob)["following"] is False
    assert conduit.read_article(article["slug"], viewer=bob)["author"]["following"] is False


def test_an_unknown_profile_is_404_to_read_follow_and_unfollow(
    api: httpx.Client, alice: User
) -> None:
    name = unique("ghost")
    for method, path in (
        ("GET", f"/profiles/{name}"),
        ("POST", f"/profiles/{name}/follow"),
        ("DELETE", f"/profiles/{name}/follow"),
    ):
        response = api.request(method, path, headers=alice.auth)
        assert response.status_code == 404, f"{method} {path}: {response.status_code}"


def test_following_oneself_is_refused(api: httpx.Client, alice: User) -> None:
    response = api.post(f"/profiles/{alice.username}/follow", headers=alice.auth)
    assert_validation_error(response, "following oneself")
    assert profile_of(api, alice.username, viewer=alice)["following"] is False
