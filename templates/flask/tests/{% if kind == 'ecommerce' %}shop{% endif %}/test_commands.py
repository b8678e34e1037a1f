"""The `flask` commands that the Makefile runs: make seed, make create-admin, make expire-orders."""

from datetime import UTC, datetime, timedelta

from flask.testing import FlaskCliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.shop.accounts.models import Role, User
from app.shop.catalog.models import Product
from app.shop.orders.models import Order, OrderStatus
from tests.shop.factories import create_order, create_user


def test_flask_seed_fills_the_shop_once(runner: FlaskCliRunner, session: Session) -> None:
    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert first.exit_code == 0, first.output
    assert "Seeded" in first.output
    assert "Seeded 0 categories and 0 products." in second.output
    assert session.scalar(select(func.count(Product.id))) > 0


def test_flask_create_admin_reads_admin_password(runner: FlaskCliRunner, session: Session) -> None:
    result = runner.invoke(
        args=["create-admin", "boss@example.com", "--name", "Boss"],
        env={"ADMIN_PASSWORD": "a long password"},
    )

    assert result.exit_code == 0, result.output
    admin = session.scalars(select(User).where(User.email == "boss@example.com")).one()
    assert (admin.role, admin.name) == (Role.ADMIN, "Boss")


def test_flask_create_admin_refuses_a_password_on_the_command_line(
    runner: FlaskCliRunner, session: Session
) -> None:
    # It would stay in the shell's history and show in `ps`.
    result = runner.invoke(
        args=["create-admin", "boss@example.com", "a long password"],
        env={"ADMIN_PASSWORD": "a long password"},
    )

    assert result.exit_code == 2
    assert session.scalars(select(User)).first() is None


def test_flask_expire_orders_cancels_overdue_orders(
    runner: FlaskCliRunner, session: Session
) -> None:
    user = create_user(session)
    overdue = create_order(session, user=user, created_at=datetime.now(UTC) - timedelta(hours=1))

    result = runner.invoke(args=["expire-orders"])

    assert result.exit_code == 0, result.output
    assert "Expired 1 unpaid orders." in result.output
    session.expire_all()
    assert session.get_one(Order, overdue.id).status == OrderStatus.CANCELLED
