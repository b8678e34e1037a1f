"""Numbers beyond what the database's INTEGER columns hold are the client's mistake (4xx),
never a crash of the database driver (500)."""

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from tests.shop.factories import (
    ADDRESS,
    add_to_cart,
    auth_headers,
    create_admin,
    create_category,
    create_product,
    create_user,
    idempotency_headers,
)

HUGE = [2**31, 2**63, 10**30]


@pytest.mark.parametrize("number", HUGE)
def test_huge_ids_in_the_path_are_4xx(client: FlaskClient, session: Session, number: int) -> None:
    admin = create_admin(session)
    headers = auth_headers(admin)

    responses = [
        client.get(f"/api/categories/{number}"),
        client.get(f"/api/products/{number}"),
        client.patch(f"/api/products/{number}", json={"stock": 1}, headers=headers),
        client.get(f"/api/orders/{number}", headers=headers),
        client.patch(f"/api/cart/items/{number}", json={"quantity": 1}, headers=headers),
        client.delete(f"/api/cart/items/{number}", headers=headers),
    ]

    assert [response.status_code // 100 for response in responses] == [4] * len(responses)


@pytest.mark.parametrize("number", HUGE)
def test_huge_numbers_in_bodies_and_queries_are_4xx(
    client: FlaskClient, session: Session, number: int
) -> None:
    admin = create_admin(session)
    category = create_category(session)
    product = create_product(session, category=category)
    headers = auth_headers(admin)
    body = {"name": "Mug", "price_cents": 100, "currency": "EUR", "stock": 1}

    responses = [
        client.get("/api/products", query_string={"page": number}),
        client.get("/api/products", query_string={"max_price": number}),
        client.post(
            "/api/products",
            json={**body, "category_id": category.id, "stock": number},
            headers=headers,
        ),
        client.post(
            "/api/products",
            json={**body, "category_id": category.id, "price_cents": number},
            headers=headers,
        ),
        client.post("/api/products", json={**body, "category_id": number}, headers=headers),
        client.patch(f"/api/products/{product.id}", json={"price_cents": number}, headers=headers),
        client.post("/api/cart/items", json={"product_id": number, "quantity": 1}, headers=headers),
    ]

    assert [response.status_code // 100 for response in responses] == [4] * len(responses)


def test_an_order_total_beyond_the_column_is_refused_with_422(
    client: FlaskClient, session: Session
) -> None:
    user = create_user(session)
    product = create_product(session, price_cents=2**31 - 1, stock=10)
    add_to_cart(session, user=user, product=product, quantity=2)

    response = client.post(
        "/api/orders", json={"shipping_address": ADDRESS}, headers=idempotency_headers(user)
    )

    assert response.status_code == 422
