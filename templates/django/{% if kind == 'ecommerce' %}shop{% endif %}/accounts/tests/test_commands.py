"""`manage.py create_admin` (make create-admin): the only way to make an admin."""

import pytest
from django.core.management import CommandError, call_command

from shop.accounts.models import Role, User
from shop.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_create_admin_should_make_an_admin_who_may_use_the_admin_site():
    call_command("create_admin", "Boss@Example.com", "a-long-password")

    admin = User.objects.get(email="boss@example.com")
    assert (admin.role, admin.is_staff, admin.is_superuser) == (Role.ADMIN, True, True)
    assert admin.check_password("a-long-password")


def test_create_admin_should_promote_an_existing_customer():
    customer = UserFactory(email="ada@example.com")

    call_command("create_admin", "ada@example.com", "a-new-password")

    customer.refresh_from_db()
    assert customer.role == Role.ADMIN
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("email", "password"), [("not-an-email", "long-enough"), ("a@b.co", "short")]
)
def test_create_admin_should_refuse_a_bad_email_or_a_short_password(email: str, password: str):
    with pytest.raises(CommandError):
        call_command("create_admin", email, password)

    assert not User.objects.exists()
