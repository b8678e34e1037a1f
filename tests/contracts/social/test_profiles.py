"""Profiles, PATCH /users/me and the username search."""

from __future__ import annotations

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.social.network import Crowd, Network, User, unique

PROFILE_MEMBERS = {
    "username",
    "bio",
    "avatar_url",
    "followers_count",
    "following_count",
    "posts_count",
    "following",
}


def test_a_profile_shows_its_counts_and_following_false_when_anonymous(
    net: Network, alice: User, bob: User
) -> None:
    net.follow(bob, alice)
    net.post(alice)
    net.post(alice)

    profile = net.profile(alice.username)

    assert set(profile) >= PROFILE_MEMBERS
    assert "email" not in profile
    assert profile["username"] == alice.username
    assert (profile["followers_count"], profile["following_count"]) == (1, 0)
    assert profile["posts_count"] == 2
    assert profile["following"] is False
    assert net.profile(alice.username, viewer=bob)["following"] is True


def test_an_unknown_profile_answers_404(api: httpx.Client) -> None:
    expect_problem(api.get(f"/users/{unique('nobody')}"), 404, "an unknown username")


def test_patch_me_changes_only_the_fields_sent(
    net: Network, api: httpx.Client, alice: User
) -> None:
    both = {"bio": "Hello there", "avatar_url": "https://example.com/alice.png"}
    expect(api.patch("/users/me", json=both, headers=alice.auth), 200, "setting both")

    answer = expect(
        api.patch("/users/me", json={"bio": "New bio"}, headers=alice.auth), 200, "bio only"
    )

    assert answer["bio"] == "New bio"
    assert answer["avatar_url"] == both["avatar_url"]
    assert set(answer) >= PROFILE_MEMBERS
    stored = net.profile(alice.username)
    assert (stored["bio"], stored["avatar_url"]) == ("New bio", both["avatar_url"])


@pytest.mark.parametrize("field", ["bio", "avatar_url"])
def test_patch_me_with_an_empty_string_clears_the_field(
    net: Network, api: httpx.Client, alice: User, field: str
) -> None:
    values = {"bio": "Something", "avatar_url": "http://example.com/a.png"}
    expect(api.patch("/users/me", json=values, headers=alice.auth), 200, "setting")

    expect(api.patch("/users/me", json={field: ""}, headers=alice.auth), 200, "clearing")

    profile = net.profile(alice.username)
    assert profile[field] in (None, ""), f"{field} was not cleared: {profile[field]!r}"
    other = "avatar_url" if field == "bio" else "bio"
    assert profile[other] == values[other], "the field not sent changed"


def test_patch_me_accepts_a_bio_of_160_code_points(api: httpx.Client, alice: User) -> None:
    bio = "🙂" * 160  # 160 code points, 640 bytes in UTF-8

    answer = expect(api.patch("/users/me", json={"bio": bio}, headers=alice.auth), 200, "160")

    assert answer["bio"] == bio


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bio", "x" * 161),
        ("bio", "🙂" * 161),
        ("avatar_url", "javascript:alert(1)"),
        ("avatar_url", "data:image/png;base64,AAAA"),
        ("avatar_url", "ftp://example.com/a.png"),
        ("avatar_url", "not a url"),
    ],
)
def test_patch_me_answers_422_for_a_long_bio_or_a_non_http_avatar(
    net: Network, api: httpx.Client, crowd: Crowd, field: str, value: str
) -> None:
    user = crowd.first(1)[0]  # crowd users never set a bio or an avatar

    response = api.patch("/users/me", json={field: value}, headers=user.auth)

    expect_field_errors(response, f"{field}={value[:30]!r}", field)
    assert net.profile(user.username)[field] in (None, ""), "the bad value was stored"


def test_patch_me_needs_a_token(api: httpx.Client) -> None:
    expect_problem(api.patch("/users/me", json={"bio": "x"}), 401, "PATCH /users/me anonymously")


def usernames(net: Network, term: str, **params: object) -> list[str]:
    return [p["username"] for p in net.walk("/users", params={"search": term, **params})]


def test_search_finds_usernames_that_start_with_the_term(net: Network) -> None:
    stem = unique("s")
    names = [net.register(f"{stem}{suffix}").username for suffix in ("a", "b", "c")]
    net.register(f"x{stem}")  # contains the term, does not start with it

    found = usernames(net, stem)

    assert sorted(found) == sorted(names)


def test_search_takes_underscore_and_percent_literally(net: Network, api: httpx.Client) -> None:
    stem = unique("lit")
    with_underscore = net.register(f"{stem}_x").username
    net.register(f"{stem}zx")  # "_" as a wildcard would match this one too

    assert usernames(net, f"{stem}_") == [with_underscore]
    page = expect(api.get("/users", params={"search": f"{stem}%"}), 200, "search with %")
    assert page["items"] == [], "'%' must not match anything (no username holds one)"
    assert page["next_cursor"] is None


def test_search_results_are_profiles(net: Network, alice: User) -> None:
    found = net.walk("/users", params={"search": alice.username})

    assert [p["username"] for p in found] == [alice.username]
    assert {"username", "bio", "avatar_url"} <= set(found[0])
    assert "email" not in found[0]


def test_search_pages_never_repeat_or_skip(net: Network) -> None:
    stem = unique("pg")
    names = {net.register(f"{stem}{number}").username for number in range(5)}

    found = usernames(net, stem)

    assert len(found) == len(set(found)) == 5
    assert set(found) == names
