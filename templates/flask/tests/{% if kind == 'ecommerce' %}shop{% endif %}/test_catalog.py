"""Categories and products: anyone browses, only admins change the catalogue."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.shop.catalog import service as catalog_service
from app.shop.catalog.models import Category, Product
from tests.shop.factories import (
    auth_headers,
    create_admin,
    create_category,
    create_product,
    create_user,
)

# --- categories ---------------------------------------------------------------


def test_anyone_can_list_categories(client: FlaskClient, session: Session) -> None:
    category = create_category(session, name="Books")

    response = client.get("/api/categories")

    assert response.status_code == 200
    assert response.json == [{"id": category.id, "name": "Books", "slug": category.slug}]


def test_admin_creates_a_category_with_a_slug_made_from_its_name(
    client: FlaskClient, session: Session
) -> None:
    admin = create_admin(session)

    response = client.post(
        "/api/categories", json={"name": "Café & Books"}, headers=auth_headers(admin)
    )

    assert response.status_code == 201
    assert response.json["slug"] == "cafe-books"
    assert session.get(Category, response.json["id"]) is not None


def test_a_taken_category_slug_returns_409(client: FlaskClient, session: Session) -> None:
    admin = create_admin(session)
    client.post("/api/categories", json={"name": "Tea"}, headers=auth_headers(admin))

    response = client.post("/api/categories", json={"name": "Tea"}, headers=auth_headers(admin))

    assert response.status_code == 409


def test_admin_renames_and_deletes_a_category(client: FlaskClient, session: Session) -> None:
    admin, category = create_admin(session), create_category(session)

    renamed = client.patch(
        f"/api/categories/{category.id}", json={"name": "Renamed"}, headers=auth_headers(admin)
    )
    deleted = client.delete(f"/api/categories/{category.id}", headers=auth_headers(admin))

    assert renamed.status_code == 200
    assert renamed.json["name"] == "Renamed"
    assert deleted.status_code == 204
    session.expunge_all()
    assert session.get(Category, category.id) is None


def test_a_category_with_products_cannot_be_deleted(client: FlaskClient, session: Session) -> None:
    admin, product = create_admin(session), create_product(session)

    response = client.delete(f"/api/categories/{product.category_id}", headers=auth_headers(admin))

    assert response.status_code == 409


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/categories"),
        ("PATCH", "/api/categories/{category}"),
        ("DELETE", "/api/categories/{category}"),
        ("POST", "/api/products"),
        ("PATCH", "/api/products/{product}"),
        ("DELETE", "/api/products/{product}"),
    ],
)
def test_catalogue_writes_are_401_anonymous_and_403_for_customers(
    client: FlaskClient, session: Session, method: str, path: str
) -> None:
    product = create_product(session)
    url = path.format(category=product.category_id, product=product.id)
    body = {"name": "X"}

    anonymous = client.open(url, method=method, json=body)
    customer = client.open(
        url, method=method, json=body, headers=auth_headers(create_user(session))
    )

    assert anonymous.status_code == 401
    assert customer.status_code == 403
    assert customer.headers["content-type"] == "application/problem+json"


# --- products: writes -----------------------------------------------------------


def product_body(category: Category, **changes: Any) -> dict[str, Any]:
    body = {
        "name": "Blue Mug",
        "description": "Holds coffee.",
        "price_cents": 1250,
        "currency": "EUR",
        "stock": 3,
        "category_id": category.id,
    }
    return {**body, **changes}


def test_admin_creates_a_product(client: FlaskClient, session: Session) -> None:
    admin, category = create_admin(session), create_category(session)

    response = client.post(
        "/api/products", json=product_body(category), headers=auth_headers(admin)
    )

    assert response.status_code == 201
    body = response.json
    assert body["slug"] == "blue-mug"
    assert body["category"] == {"id": category.id, "name": category.name, "slug": category.slug}
    assert body["image_url"] is None
    assert body["created_at"].endswith("Z")
    assert session.get(Product, body["id"]) is not None


def test_products_saved_with_one_name_at_once_get_different_slugs(
    client: FlaskClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two products saved with one name at the same moment both find its slug free;
    # the second insert then breaks the UNIQUE constraint. Make the first two looks
    # find it free, as they would for both of them.
    real_look, looks = catalog_service._unique_product_slug, 0

    def racing_look(session: Session, name: str) -> str:
        nonlocal looks
        looks += 1
        return catalog_service.slugify(name) if looks <= 2 else real_look(session, name)

    monkeypatch.setattr(catalog_service, "_unique_product_slug", racing_look)
    admin, category = create_admin(session), create_category(session)

    headers = auth_headers(admin)

    first = client.post("/api/products", json=product_body(category), headers=headers)
    second = client.post("/api/products", json=product_body(category), headers=headers)

    assert (first.status_code, second.status_code) == (201, 201)
    assert (first.json["slug"], second.json["slug"]) == ("blue-mug", "blue-mug-2")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price_cents": -1}, "price_cents"),
        ({"stock": -1}, "stock"),
        ({"category_id": 999_999}, "category_id"),
        ({"currency": "USD"}, "currency"),
    ],
)
def test_invalid_products_are_refused_with_422(
    client: FlaskClient, session: Session, changes: dict[str, Any], field: str
) -> None:
    admin, category = create_admin(session), create_category(session)

    response = client.post(
        "/api/products", json=product_body(category, **changes), headers=auth_headers(admin)
    )

    assert response.status_code == 422
    assert field in response.json["errors"]


def test_admin_changes_any_field_of_a_product(client: FlaskClient, session: Session) -> None:
    admin, product, other = create_admin(session), create_product(session), create_category(session)

    response = client.patch(
        f"/api/products/{product.id}",
        json={
            "price_cents": 999,
            "stock": 0,
            "category_id": other.id,
            "image_url": "https://x/y.png",
        },
        headers=auth_headers(admin),
    )

    assert response.status_code == 200
    body = response.json
    assert (body["price_cents"], body["stock"], body["category"]["id"]) == (999, 0, other.id)
    assert body["image_url"] == "https://x/y.png"


def test_patch_refuses_a_negative_stock(client: FlaskClient, session: Session) -> None:
    admin, product = create_admin(session), create_product(session)

    response = client.patch(
        f"/api/products/{product.id}", json={"stock": -5}, headers=auth_headers(admin)
    )

    assert response.status_code == 422


def test_admin_deletes_a_product(client: FlaskClient, session: Session) -> None:
    admin, product = create_admin(session), create_product(session)

    response = client.delete(f"/api/products/{product.id}", headers=auth_headers(admin))

    assert response.status_code == 204
    assert client.get(f"/api/products/{product.id}").status_code == 404


# --- products: reads ------------------------------------------------------------


def test_anyone_can_read_a_product(client: FlaskClient, session: Session) -> None:
    product = create_product(session)

    response = client.get(f"/api/products/{product.id}")

    assert response.status_code == 200
    assert set(response.json or {}) == {
        "id", "name", "slug", "description", "price_cents", "currency", "stock",
        "category", "image_url", "created_at", "updated_at",
    }  # fmt: skip


def test_an_unknown_product_returns_404(client: FlaskClient) -> None:
    response = client.get("/api/products/424242")

    assert response.status_code == 404
    assert response.json["status"] == 404


def names(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json["items"]]


def test_search_matches_name_and_description_case_insensitively(
    client: FlaskClient, session: Session
) -> None:
    create_product(session, name="Green Tea")
    create_product(session, name="Teapot", description="Cast iron")
    create_product(session, name="Mug", description="For TEA lovers")
    create_product(session, name="Coffee")

    assert sorted(names(client.get("/api/products?search=tea"))) == ["Green Tea", "Mug", "Teapot"]


def test_search_treats_like_wildcards_literally(client: FlaskClient, session: Session) -> None:
    create_product(session, name="50% off")
    create_product(session, name="500 grams")

    assert names(client.get("/api/products", query_string={"search": "50%"})) == ["50% off"]
    assert names(client.get("/api/products", query_string={"search": "_"})) == []


def test_filter_by_category_slug_and_unknown_slug(client: FlaskClient, session: Session) -> None:
    books = create_category(session, name="Books")
    create_product(session, name="Novel", category=books)
    create_product(session, name="Kettle")

    assert names(client.get(f"/api/products?category={books.slug}")) == ["Novel"]
    assert names(client.get("/api/products?category=no-such-category")) == []


def test_filter_by_price_range_and_stock(client: FlaskClient, session: Session) -> None:
    create_product(session, name="Cheap", price_cents=100, stock=0)
    create_product(session, name="Middle", price_cents=500)
    create_product(session, name="Dear", price_cents=900)

    assert names(client.get("/api/products?min_price=200&max_price=900&sort=price")) == [
        "Middle",
        "Dear",
    ]
    assert names(client.get("/api/products?in_stock=false")) == ["Cheap"]
    assert sorted(names(client.get("/api/products?in_stock=true"))) == ["Dear", "Middle"]


def test_sort_orders(client: FlaskClient, session: Session) -> None:
    now = datetime.now(UTC)
    create_product(session, name="B", price_cents=300, created_at=now - timedelta(days=2))
    create_product(session, name="C", price_cents=100, created_at=now - timedelta(days=1))
    create_product(session, name="A", price_cents=200, created_at=now)

    assert names(client.get("/api/products")) == ["A", "C", "B"]  # -created_at by default
    assert names(client.get("/api/products?sort=price")) == ["C", "A", "B"]
    assert names(client.get("/api/products?sort=-price")) == ["B", "A", "C"]
    assert names(client.get("/api/products?sort=name")) == ["A", "B", "C"]


def test_pagination_returns_total_page_and_page_size(client: FlaskClient, session: Session) -> None:
    for number in range(5):
        create_product(session, name=f"P{number}")

    response = client.get("/api/products?sort=name&page=2&page_size=2")

    body = response.json
    assert [item["name"] for item in body["items"]] == ["P2", "P3"]
    assert (body["total"], body["page"], body["page_size"]) == (5, 2, 2)
    assert client.get("/api/products").json["page_size"] == 20


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page_size=0",
        "page_size=101",
        "min_price=abc",
        "min_price=-1",
        "in_stock=maybe",
        "sort=price_desc",
        "min_price=500&max_price=100",
    ],
)
def test_malformed_product_queries_return_422(client: FlaskClient, query: str) -> None:
    response = client.get(f"/api/products?{query}")

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json["errors"]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>", "//no-scheme.example"]
)
def test_an_image_url_that_is_not_a_web_address_is_refused(
    client: FlaskClient, session: Session, url: str
) -> None:
    admin = create_admin(session)
    body = product_body(create_category(session), image_url=url)

    response = client.post("/api/products", json=body, headers=auth_headers(admin))

    assert response.status_code == 422
