"""The cart's rules: known products only, never more than is in stock.

No HTTP in here: functions take the session and keyword-only arguments and raise
the errors of app/core/errors.py.
"""

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, joinedload

from app.core.config import settings
from app.core.db import upsert, utc_now
from app.core.errors import InvalidInputError, NotFoundError
from app.shop.accounts.models import User
from app.shop.cart.models import CartItem
from app.shop.cart.schemas import CartLine, CartPublic
from app.shop.catalog.models import Product


def cart_items(session: Session, *, user: User) -> list[CartItem]:
    """The user's lines with their products, in one query."""
    return list(
        session.scalars(
            select(CartItem)
            .options(joinedload(CartItem.product))
            .where(CartItem.user_id == user.id)
            .order_by(CartItem.added_at, CartItem.id)
        )
    )


def read_cart(session: Session, *, user: User) -> CartPublic:
    lines = [
        CartLine(
            product_id=item.product_id,
            name=item.product.name,
            unit_price_cents=item.product.price_cents,
            quantity=item.quantity,
            line_total_cents=item.product.price_cents * item.quantity,
        )
        for item in cart_items(session, user=user)
    ]
    return CartPublic(
        items=lines,
        subtotal_cents=sum(line.line_total_cents for line in lines),
        currency=settings.SHOP_CURRENCY,
    )


def add_item(session: Session, *, user: User, product_id: int, quantity: int) -> None:
    product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError("No product has this id.")
    # One statement adds the line or increases it, so that two adds at the same
    # moment both count: reading the line and writing it back would lose one.
    insert = upsert(CartItem).values(
        user_id=user.id, product_id=product_id, quantity=quantity, added_at=utc_now()
    )
    total = session.scalar(
        insert.on_conflict_do_update(
            index_elements=[CartItem.user_id, CartItem.product_id],
            set_={"quantity": CartItem.quantity + insert.excluded.quantity},
        ).returning(CartItem.quantity)
    )
    try:
        _check_stock(product, total)
    except InvalidInputError:
        session.rollback()  # the line stays as it was before this add
        raise
    session.commit()


def set_quantity(session: Session, *, user: User, product_id: int, quantity: int) -> None:
    if _find_item(session, user=user, product_id=product_id) is None:
        raise NotFoundError("This product is not in your cart.")
    if quantity > 0:
        _check_stock(session.get_one(Product, product_id), quantity)
    line = (CartItem.user_id == user.id, CartItem.product_id == product_id)
    # One statement, not a read object written back: a concurrent removal makes it
    # change nothing (a 404) instead of failing to find the row it read (a 500).
    change = delete(CartItem) if quantity == 0 else update(CartItem).values(quantity=quantity)
    if not session.execute(change.where(*line)).rowcount:  # type: ignore[attr-defined]
        raise NotFoundError("This product is not in your cart.")
    session.commit()


def remove_item(session: Session, *, user: User, product_id: int) -> None:
    session.execute(
        delete(CartItem).where(CartItem.user_id == user.id, CartItem.product_id == product_id)
    )
    session.commit()


def _find_item(session: Session, *, user: User, product_id: int) -> CartItem | None:
    return session.scalar(
        select(CartItem).where(CartItem.user_id == user.id, CartItem.product_id == product_id)
    )


def _check_stock(product: Product, quantity: int) -> None:
    # Checked again at checkout: stock is only reserved when the order is placed.
    if quantity > product.stock:
        raise InvalidInputError(f"Only {product.stock} of this product in stock.", field="quantity")
