"""Test data: each factory makes one valid row, with unique values unless told otherwise.

Tests call these to *arrange* the data they need, then exercise the API and check
both the response and what was stored.
"""

import itertools
import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from app.core.config import settings
from app.core.security import create_access_token, hash_password
from app.shop.accounts.models import Role, User
from app.shop.cart.models import CartItem
from app.shop.catalog.models import Category, Product
from app.shop.orders.models import Order, OrderItem, OrderStatus

DEFAULT_PASSWORD = "correct horse battery"
ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "12 Analytical Street",
    "city": "London",
    "postal_code": "N1 9GU",
    "country": "GB",
}
_sequence = itertools.count(1)


def create_user(
    session: Session,
    *,
    email: str | None = None,
    password: str = DEFAULT_PASSWORD,
    role: Role = Role.CUSTOMER,
) -> User:
    number = next(_sequence)
    user = User(
        email=email or f"user{number}@example.com",
        name=f"User {number}",
        password_hash=hash_password(password),
        role=role,
    )
    session.add(user)
    session.commit()
    return user


def create_admin(session: Session) -> User:
    return create_user(session, role=Role.ADMIN)


def auth_headers(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_access_token(str(user.id))}"}


def idempotency_headers(user: User, key: str | None = None) -> dict[str, str]:
    return {**auth_headers(user), "Idempotency-Key": key or str(uuid.uuid4())}


def create_category(session: Session, *, name: str | None = None) -> Category:
    number = next(_sequence)
    category = Category(name=name or f"Category {number}", slug=f"category-{number}")
    session.add(category)
    session.commit()
    return category


def create_product(
    session: Session,
    *,
    category: Category | None = None,
    name: str | None = None,
    description: str = "A fine product.",
    price_cents: int = 1000,
    stock: int = 10,
    created_at: datetime | None = None,
) -> Product:
    number = next(_sequence)
    product = Product(
        name=name or f"Product {number}",
        slug=f"product-{number}",
        description=description,
        price_cents=price_cents,
        currency=settings.SHOP_CURRENCY,
        stock=stock,
        category=category or create_category(session),
    )
    if created_at is not None:
        product.created_at = created_at
    session.add(product)
    session.commit()
    return product


def add_to_cart(session: Session, *, user: User, product: Product, quantity: int = 1) -> None:
    session.add(CartItem(user_id=user.id, product_id=product.id, quantity=quantity))
    session.commit()


def create_order(
    session: Session,
    *,
    user: User,
    product: Product | None = None,
    quantity: int = 1,
    status: OrderStatus = OrderStatus.PENDING_PAYMENT,
    created_at: datetime | None = None,
    payment_id: str | None = None,
) -> Order:
    """An order as checkout would leave it (the stock is taken from the product)."""
    product = product or create_product(session)
    product.stock -= quantity
    order = Order(
        user_id=user.id,
        status=status,
        total_cents=product.price_cents * quantity,
        currency=settings.SHOP_CURRENCY,
        shipping_address=ADDRESS,
        payment_id=payment_id,
        items=[
            OrderItem(
                product_id=product.id,
                name=product.name,
                unit_price_cents=product.price_cents,
                quantity=quantity,
            )
        ],
    )
    if created_at is not None:
        order.created_at = created_at
    session.add(order)
    session.commit()
    return order
