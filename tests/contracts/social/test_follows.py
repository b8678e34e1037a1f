"""Follows: idempotent, never yourself, counted; the follower and following lists."""

from __future__ import annotations

import httpx
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User, unique


def test_follow_answers_the_profile_with_following_true(
    api: httpx.Client, alice: User, bob: User
) -> None:
    profile = expect(api.post(f"/users/{bob.username}/follow", headers=alice.auth), 200, "follow")

    assert profile["username"] == bob.username
    assert profile["following"] is True
    assert profile["followers_count"] == 1


def test_following_twice_changes_nothing(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    net.follow(alice, bob)

    again = expect(api.post(f"/users/{bob.username}/follow", headers=alice.auth), 200, "again")

    assert again["following"] is True
    assert again["followers_count"] == 1
    assert net.profile(alice.username)["following_count"] == 1


def test_following_yourself_answers_422(net: Network, api: httpx.Client, alice: User) -> None:
    response = api.post(f"/users/{alice.username}/follow", headers=alice.auth)

    expect_field_errors(response, "following yourself")
    profile = net.profile(alice.username)
    assert (profile["followers_count"], profile["following_count"]) == (0, 0)


def test_following_an_unknown_user_answers_404(api: httpx.Client, alice: User) -> None:
    response = api.post(f"/users/{unique('nobody')}/follow", headers=alice.auth)

    expect_problem(response, 404, "following nobody")


def test_following_needs_a_token(api: httpx.Client, bob: User) -> None:
    expect_problem(api.post(f"/users/{bob.username}/follow"), 401, "follow anonymously")
    expect_problem(api.delete(f"/users/{bob.username}/follow"), 401, "unfollow anonymously")


def test_unfollow_answers_following_false_and_is_idempotent(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    net.follow(alice, bob)

    for attempt in ("unfollow", "unfollow again"):
        response = api.delete(f"/users/{bob.username}/follow", headers=alice.auth)
        profile = expect(response, 200, attempt)
        assert profile["following"] is False
        assert profile["followers_count"] == 0


def test_unfollowing_someone_you_never_followed_is_fine(
    api: httpx.Client, alice: User, bob: User
) -> None:
    response = api.delete(f"/users/{bob.username}/follow", headers=alice.auth)

    assert expect(response, 200, "unfollow a stranger")["following"] is False


def test_followers_and_following_list_the_profiles(
    net: Network, alice: User, bob: User, carol: User
) -> None:
    net.follow(bob, alice)
    net.follow(carol, alice)
    net.follow(alice, carol)

    followers = net.walk(f"/users/{alice.username}/followers", limit=1)
    following = net.walk(f"/users/{alice.username}/following")

    assert sorted(p["username"] for p in followers) == sorted([bob.username, carol.username])
    assert [p["username"] for p in following] == [carol.username]
    for profile in followers + following:
        assert {"username", "bio", "avatar_url"} <= set(profile)


def test_follow_lists_of_an_unknown_user_answer_404(api: httpx.Client) -> None:
    for which in ("followers", "following"):
        expect_problem(api.get(f"/users/{unique('nobody')}/{which}"), 404, which)


def test_follower_pages_never_repeat_or_skip_while_new_followers_arrive(
    net: Network, alice: User, crowd: Crowd
) -> None:
    fans, late = crowd.first(7), iter(crowd.first(12)[7:])
    for fan in fans:
        net.follow(fan, alice)

    seen = net.walk(
        f"/users/{alice.username}/followers",
        limit=2,
        between=lambda: net.follow(next(late), alice),
    )

    names = [profile["username"] for profile in seen]
    assert len(names) == len(set(names)), f"a follower was listed twice: {names}"
    assert {fan.username for fan in fans} <= set(names), "a follower was skipped"
