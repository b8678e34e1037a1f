"""Lists take the same number of queries for 1 row as for 20 (no N+1 queries)."""

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.query_counter import count_queries
from tests.shop.factories import (
    add_to_cart,
    auth_headers,
    create_order,
    create_product,
    create_user,
)


def queries_for(client: FlaskClient, url: str, headers: dict[str, str] | None = None) -> int:
    with count_queries(client.application) as statements:
        response = client.get(url, headers=headers or {})
    assert response.status_code == 200
    return len(statements)


def test_product_list_query_count_does_not_grow_with_page_size(
    client: FlaskClient, session: Session
) -> None:
    for _ in range(20):
        create_product(session)  # each in its own category

    one = queries_for(client, "/api/products?page_size=1")
    twenty = queries_for(client, "/api/products?page_size=20")

    assert one == twenty


def test_order_list_query_count_does_not_grow_with_page_size(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    for _ in range(20):
        create_order(session, user=user)

    one = queries_for(client, "/api/orders?page_size=1", auth_headers(user))
    twenty = queries_for(client, "/api/orders?page_size=20", auth_headers(user))

    assert one == twenty


def test_cart_query_count_does_not_grow_with_its_lines(
    client: FlaskClient, session: Session
) -> None:
    small, big = create_user(session), create_user(session)
    add_to_cart(session, user=small, product=create_product(session))
    for _ in range(20):
        add_to_cart(session, user=big, product=create_product(session))

    assert queries_for(client, "/api/cart", auth_headers(small)) == queries_for(
        client, "/api/cart", auth_headers(big)
    )
