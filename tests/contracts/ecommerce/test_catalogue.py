"""The catalogue: anyone browses; only admins write. Search, filters, sorting, pages."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from tests.contracts.checks import expect, expect_field_errors, expect_problem
from tests.contracts.ecommerce.shop import Shop, User, unique

RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$")
PRODUCT_FIELDS = {
    "id", "name", "slug", "description", "price_cents", "currency", "stock",
    "category", "image_url", "created_at", "updated_at",
}  # fmt: skip

# --- categories --------------------------------------------------------------------


def test_admin_adds_a_category_whose_slug_comes_from_its_name(
    api: httpx.Client, admin: User
) -> None:
    word = unique("books")
    created = expect(
        api.post("/categories", json={"name": f"Rare {word.title()}"}, headers=admin.auth),
        201,
        "adding a category without a slug",
    )
    assert created["slug"] == f"rare-{word}"
    listed = expect(api.get("/categories"), 200, "GET /categories")
    assert {"id": created["id"], "name": f"Rare {word.title()}", "slug": f"rare-{word}"} in listed


def test_admin_may_choose_the_slug_rename_and_delete_a_category(
    api: httpx.Client, admin: User
) -> None:
    slug = unique("chosen-")
    created = expect(
        api.post("/categories", json={"name": "Chosen", "slug": slug}, headers=admin.auth),
        201,
        "adding a category with a slug",
    )
    assert created["slug"] == slug
    renamed = api.patch(
        f"/categories/{created['id']}", json={"name": "Renamed"}, headers=admin.auth
    )
    assert expect(renamed, 200, "renaming a category")["name"] == "Renamed"
    expect(api.delete(f"/categories/{created['id']}", headers=admin.auth), 204, "deleting it")
    ids = [category["id"] for category in expect(api.get("/categories"), 200, "listing")]
    assert created["id"] not in ids


WRITES = [
    ("POST", "/categories", {"name": "Nope"}),
    ("PATCH", "/categories/{category}", {"name": "Nope"}),
    ("DELETE", "/categories/{category}", None),
    ("POST", "/products", "product"),
    ("PATCH", "/products/{product}", {"price_cents": 1}),
    ("DELETE", "/products/{product}", None),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_catalogue_writes_are_401_anonymous_and_403_for_customers_and_change_nothing(
    api: httpx.Client, shop: Shop, admin: User, alice: User, method: str, path: str, body: Any
) -> None:
    product = shop.create_product(admin, price_cents=777)
    category_id = product["category"]["id"]
    if body == "product":
        body = {"name": "Nope", "description": "", "price_cents": 1, "currency": "EUR",
                "stock": 1, "category_id": category_id}  # fmt: skip
    url = path.format(category=category_id, product=product["id"])
    expect_problem(api.request(method, url, json=body), 401, f"{method} {path} anonymously")
    expect_problem(
        api.request(method, url, json=body, headers=alice.auth), 403, f"{method} {path} (customer)"
    )
    assert shop.product(product["id"])["price_cents"] == 777


# --- products: writing -----------------------------------------------------------------


def test_admin_adds_a_product_and_anyone_reads_it(
    api: httpx.Client, shop: Shop, admin: User
) -> None:
    category = shop.create_category(admin)
    body = {
        "name": unique("Blue Mug "),
        "description": "Holds coffee.",
        "price_cents": 1250,
        "currency": "EUR",
        "stock": 3,
        "category_id": category["id"],
        "image_url": "https://example.com/mug.png",
    }
    created = expect(api.post("/products", json=body, headers=admin.auth), 201, "adding")
    read = shop.product(created["id"])
    for product in (created, read):
        assert set(product) >= PRODUCT_FIELDS
        assert {key: product[key] for key in body if key != "category_id"} == {
            key: value for key, value in body.items() if key != "category_id"
        }
        assert product["category"] == category
        assert RFC3339_UTC.match(product["created_at"]), product["created_at"]
        assert RFC3339_UTC.match(product["updated_at"]), product["updated_at"]


def test_an_unknown_product_answers_404(api: httpx.Client) -> None:
    expect_problem(api.get("/products/987654321"), 404, "GET an unknown product")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"price_cents": -1}, "price_cents"),
        ({"stock": -1}, "stock"),
        ({"category_id": 987654321}, "category_id"),
        ({"currency": "USD"}, "currency"),
    ],
)
def test_a_negative_price_or_stock_an_unknown_category_or_another_currency_answers_422(
    api: httpx.Client, shop: Shop, admin: User, change: dict[str, Any], field: str
) -> None:
    body = {
        "name": unique("Bad "), "description": "", "price_cents": 100, "currency": "EUR",
        "stock": 1, "category_id": shop.create_category(admin)["id"], **change,
    }  # fmt: skip
    expect_field_errors(api.post("/products", json=body, headers=admin.auth), str(change), field)


def test_patch_changes_any_field(api: httpx.Client, shop: Shop, admin: User) -> None:
    product = shop.create_product(admin)
    other = shop.create_category(admin)
    changes = {
        "name": unique("Renamed "),
        "description": "New words.",
        "price_cents": 4321,
        "stock": 7,
        "category_id": other["id"],
        "image_url": "https://example.com/new.png",
    }
    for name, value in changes.items():
        response = api.patch(f"/products/{product['id']}", json={name: value}, headers=admin.auth)
        expect(response, 200, f"PATCH {name}")
    stored = shop.product(product["id"])
    assert stored["category"] == other
    assert {key: stored[key] for key in changes if key != "category_id"} == {
        key: value for key, value in changes.items() if key != "category_id"
    }


def test_patch_refuses_a_negative_price_or_stock(
    api: httpx.Client, shop: Shop, admin: User
) -> None:
    product = shop.create_product(admin)
    for change in ({"price_cents": -5}, {"stock": -5}):
        expect_field_errors(
            api.patch(f"/products/{product['id']}", json=change, headers=admin.auth), str(change)
        )
    assert shop.product(product["id"])["stock"] == 10


def test_admin_deletes_a_product(api: httpx.Client, shop: Shop, admin: User) -> None:
    product = shop.create_product(admin)
    expect(api.delete(f"/products/{product['id']}", headers=admin.auth), 204, "deleting")
    expect_problem(api.get(f"/products/{product['id']}"), 404, "reading a deleted product")


# --- products: listing ----------------------------------------------------------------


@pytest.fixture
def shelf(shop: Shop, admin: User) -> dict[str, Any]:
    """A category of its own with four products, made in this order."""
    category = shop.create_category(admin)
    word = unique("zq")
    made = [
        shop.create_product(admin, category_id=category["id"], name=f"Cherry {word}",
                            price_cents=300, stock=0),
        shop.create_product(admin, category_id=category["id"], name=f"apple {word.upper()}",
                            price_cents=100, stock=5),
        shop.create_product(admin, category_id=category["id"], name="Banana",
                            description=f"ripe {word}", price_cents=200, stock=2),
        shop.create_product(admin, category_id=category["id"], name="Date",
                            price_cents=400, stock=1),
    ]  # fmt: skip
    return {"category": category["slug"], "word": word, "products": made}


def names(page: dict[str, Any]) -> list[str]:
    return [product["name"].split(" ")[0] for product in page["items"]]


def test_a_list_page_has_items_total_page_and_page_size(shop: Shop, shelf: dict[str, Any]) -> None:
    page = shop.list_products(category=shelf["category"])
    assert (page["total"], page["page"], page["page_size"]) == (4, 1, 20)
    assert all(set(item) >= PRODUCT_FIELDS for item in page["items"])


def test_search_looks_in_name_and_description_ignoring_case(
    shop: Shop, shelf: dict[str, Any]
) -> None:
    found = shop.list_products(search=shelf["word"].upper(), sort="name")
    assert sorted(names(found)) == ["Banana", "Cherry", "apple"]


def test_search_treats_percent_and_underscore_literally(shop: Shop, admin: User) -> None:
    word = unique("pct")
    shop.create_product(admin, name=f"{word} 50% off")
    shop.create_product(admin, name=f"{word} 500 g")
    assert shop.list_products(search=f"{word} 50%")["total"] == 1
    assert shop.list_products(search=f"{word}_")["total"] == 0


def test_category_filter_and_an_unknown_slug(shop: Shop, shelf: dict[str, Any]) -> None:
    assert shop.list_products(category=shelf["category"])["total"] == 4
    empty = shop.list_products(category=unique("no-such-category-"))
    assert (empty["items"], empty["total"]) == ([], 0)


def test_price_range_is_inclusive(shop: Shop, shelf: dict[str, Any]) -> None:
    page = shop.list_products(
        category=shelf["category"], min_price=200, max_price=300, sort="price"
    )
    assert names(page) == ["Banana", "Cherry"]


def test_in_stock_true_false_and_absent(shop: Shop, shelf: dict[str, Any]) -> None:
    slug = shelf["category"]
    assert sorted(names(shop.list_products(category=slug, in_stock="true"))) == [
        "Banana", "Date", "apple",
    ]  # fmt: skip
    assert names(shop.list_products(category=slug, in_stock="false")) == ["Cherry"]
    assert shop.list_products(category=slug)["total"] == 4


def test_sort_orders_with_newest_first_by_default(shop: Shop, shelf: dict[str, Any]) -> None:
    slug = shelf["category"]
    assert names(shop.list_products(category=slug)) == ["Date", "Banana", "apple", "Cherry"]
    assert names(shop.list_products(category=slug, sort="-created_at")) == [
        "Date", "Banana", "apple", "Cherry",
    ]  # fmt: skip
    assert names(shop.list_products(category=slug, sort="price")) == [
        "apple", "Banana", "Cherry", "Date",
    ]  # fmt: skip
    assert names(shop.list_products(category=slug, sort="-price")) == [
        "Date", "Cherry", "Banana", "apple",
    ]  # fmt: skip
    by_name = names(shop.list_products(category=slug, sort="name"))
    assert by_name in (["Banana", "Cherry", "Date", "apple"], ["apple", "Banana", "Cherry", "Date"])


def test_pages_split_the_list(shop: Shop, shelf: dict[str, Any]) -> None:
    slug = shelf["category"]
    first = shop.list_products(category=slug, sort="price", page=1, page_size=3)
    second = shop.list_products(category=slug, sort="price", page=2, page_size=3)
    assert (names(first), names(second)) == (["apple", "Banana", "Cherry"], ["Date"])
    assert (second["total"], second["page"], second["page_size"]) == (4, 2, 3)
    assert shop.list_products(category=slug, page=3, page_size=3)["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"page": 0},
        {"page": "first"},
        {"page_size": 0},
        {"page_size": 101},
        {"min_price": "cheap"},
        {"max_price": -1},
        {"in_stock": "maybe"},
        {"sort": "popularity"},
        {"min_price": 500, "max_price": 100},
    ],
)
def test_a_malformed_query_answers_422(api: httpx.Client, query: dict[str, Any]) -> None:
    expect_field_errors(api.get("/products", params=query), f"GET /products?{query}")
