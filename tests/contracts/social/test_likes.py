"""Likes: idempotent, counted, one per user per post even under concurrent requests."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
from tests.contracts.checks import expect, expect_problem
from tests.contracts.conftest import ContractServer
from tests.contracts.social.network import Crowd, Network, User

CONCURRENT = 10


def test_like_answers_the_post_with_its_count_and_liked_by_me(
    net: Network, api: httpx.Client, alice: User, bob: User
) -> None:
    post = net.post(alice)

    liked = expect(api.post(f"/posts/{post['id']}/like", headers=bob.auth), 200, "liking")

    assert (liked["id"], liked["like_count"], liked["liked_by_me"]) == (post["id"], 1, True)
    seen_by_alice = expect(api.get(f"/posts/{post['id']}", headers=alice.auth), 200, "reading")
    assert (seen_by_alice["like_count"], seen_by_alice["liked_by_me"]) == (1, False)


def test_liking_twice_counts_once(net: Network, api: httpx.Client, alice: User, bob: User) -> None:
    post = net.post(alice)
    net.like(bob, post["id"])

    again = expect(api.post(f"/posts/{post['id']}/like", headers=bob.auth), 200, "again")

    assert (again["like_count"], again["liked_by_me"]) == (1, True)


def test_unlike_is_idempotent(net: Network, api: httpx.Client, alice: User, bob: User) -> None:
    post = net.post(alice)
    net.like(bob, post["id"])
    net.like(alice, post["id"])

    for attempt in ("unlike", "unlike again"):
        answer = expect(api.delete(f"/posts/{post['id']}/like", headers=bob.auth), 200, attempt)
        assert (answer["like_count"], answer["liked_by_me"]) == (1, False)


def test_liking_needs_a_token_and_an_existing_post(
    net: Network, api: httpx.Client, alice: User
) -> None:
    post = net.post(alice)
    expect(api.delete(f"/posts/{post['id']}", headers=alice.auth), 204, "deleting")

    expect_problem(api.post(f"/posts/{post['id']}/like"), 401, "liking anonymously")
    expect_problem(api.post(f"/posts/{post['id']}/like", headers=alice.auth), 404, "a gone post")


def send_at_once(
    server: ContractServer, requests: list[tuple[str, str, dict[str, str]]]
) -> list[int]:
    """Send the requests from as many threads, released together; return the statuses."""
    start = threading.Barrier(len(requests))

    def send(request: tuple[str, str, dict[str, str]]) -> int:
        method, path, headers = request
        # One connection per thread, like separate clients.
        with server.client(timeout=15) as client:
            start.wait()
            return client.request(method, path, headers=headers).status_code

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(send, requests))


def test_concurrent_likes_by_one_user_count_once(
    net: Network, api: httpx.Client, contract_server: ContractServer, alice: User, bob: User
) -> None:
    post = net.post(alice)

    statuses = send_at_once(
        contract_server, [("POST", f"/posts/{post['id']}/like", bob.auth)] * CONCURRENT
    )

    assert statuses == [200] * CONCURRENT, statuses
    read = expect(api.get(f"/posts/{post['id']}", headers=bob.auth), 200, "reading")
    assert (read["like_count"], read["liked_by_me"]) == (1, True)
    likes = [n for n in net.notifications(alice)["items"] if n["type"] == "like"]
    assert len(likes) == 1, f"{len(likes)} like notifications for one like"


def test_concurrent_likes_by_many_users_are_all_counted(
    net: Network,
    api: httpx.Client,
    contract_server: ContractServer,
    alice: User,
    crowd: Crowd,
) -> None:
    post = net.post(alice)
    fans = crowd.first(CONCURRENT)

    statuses = send_at_once(
        contract_server, [("POST", f"/posts/{post['id']}/like", f.auth) for f in fans]
    )

    assert statuses == [200] * CONCURRENT, statuses
    assert expect(api.get(f"/posts/{post['id']}"), 200, "reading")["like_count"] == CONCURRENT
