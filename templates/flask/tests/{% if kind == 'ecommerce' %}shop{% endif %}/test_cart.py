"""The cart: one per signed-in customer, never more than is in stock."""

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.shop.cart.models import CartItem
from tests.shop.factories import add_to_cart, auth_headers, create_product, create_user


def test_a_new_cart_is_empty(client: FlaskClient, session: Session) -> None:
    response = client.get("/api/cart", headers=auth_headers(create_user(session)))

    assert response.status_code == 200
    assert response.json == {"items": [], "subtotal_cents": 0, "currency": "EUR"}


def test_the_cart_needs_a_signed_in_user(client: FlaskClient) -> None:
    assert client.get("/api/cart").status_code == 401
    assert client.post("/api/cart/items", json={"product_id": 1, "quantity": 1}).status_code == 401


def test_adding_twice_increases_the_quantity(client: FlaskClient, session: Session) -> None:
    user, product = create_user(session), create_product(session, price_cents=250, stock=5)
    item = {"product_id": product.id, "quantity": 2}

    client.post("/api/cart/items", json=item, headers=auth_headers(user))
    response = client.post("/api/cart/items", json=item, headers=auth_headers(user))

    assert response.status_code == 200
    assert response.json == {
        "items": [
            {
                "product_id": product.id,
                "name": product.name,
                "unit_price_cents": 250,
                "quantity": 4,
                "line_total_cents": 1000,
            }
        ],
        "subtotal_cents": 1000,
        "currency": "EUR",
    }


def test_adding_an_unknown_product_returns_404(client: FlaskClient, session: Session) -> None:
    response = client.post(
        "/api/cart/items",
        json={"product_id": 999_999, "quantity": 1},
        headers=auth_headers(create_user(session)),
    )

    assert response.status_code == 404


def test_adding_less_than_one_or_more_than_in_stock_returns_422(
    client: FlaskClient, session: Session
) -> None:
    user, product = create_user(session), create_product(session, stock=3)
    headers = auth_headers(user)

    zero = client.post(
        "/api/cart/items", json={"product_id": product.id, "quantity": 0}, headers=headers
    )
    many = client.post(
        "/api/cart/items", json={"product_id": product.id, "quantity": 4}, headers=headers
    )

    assert zero.status_code == 422
    assert many.status_code == 422
    assert "quantity" in many.json["errors"]


def test_patch_sets_the_quantity_and_zero_removes(client: FlaskClient, session: Session) -> None:
    user, product = create_user(session), create_product(session, stock=5)
    add_to_cart(session, user=user, product=product, quantity=1)
    url = f"/api/cart/items/{product.id}"

    set_three = client.patch(url, json={"quantity": 3}, headers=auth_headers(user))
    too_many = client.patch(url, json={"quantity": 6}, headers=auth_headers(user))
    removed = client.patch(url, json={"quantity": 0}, headers=auth_headers(user))

    assert set_three.json["items"][0]["quantity"] == 3
    assert too_many.status_code == 422
    assert removed.status_code == 200
    assert removed.json["items"] == []


def test_patch_of_a_product_not_in_the_cart_returns_404(
    client: FlaskClient, session: Session
) -> None:
    product = create_product(session)

    response = client.patch(
        f"/api/cart/items/{product.id}",
        json={"quantity": 1},
        headers=auth_headers(create_user(session)),
    )

    assert response.status_code == 404


def test_delete_removes_the_line(client: FlaskClient, session: Session) -> None:
    user, product = create_user(session), create_product(session)
    add_to_cart(session, user=user, product=product)

    response = client.delete(f"/api/cart/items/{product.id}", headers=auth_headers(user))

    assert response.status_code == 204
    assert session.scalars(select(CartItem)).all() == []


def test_each_customer_sees_only_their_own_cart(client: FlaskClient, session: Session) -> None:
    alice, bob, product = create_user(session), create_user(session), create_product(session)
    add_to_cart(session, user=alice, product=product)

    assert client.get("/api/cart", headers=auth_headers(bob)).json["items"] == []
