"""`make seed` fills an empty shop, and running it again adds nothing."""

import json

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.shop.catalog.seed import SEED_FILE, seed


def test_seed_adds_the_categories_and_products_once(client: FlaskClient, session: Session) -> None:
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))

    first = seed(session, data)
    second = seed(session, data)

    assert first == (len(data["categories"]), len(data["products"]))
    assert second == (0, 0)
    assert client.get("/api/products").json["total"] == len(data["products"])
