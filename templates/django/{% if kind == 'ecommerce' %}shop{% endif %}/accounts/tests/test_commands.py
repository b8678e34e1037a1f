"""`manage.py create_admin` (make create-admin): the only way to make an admin."""

import pytest
from django.core.management import CommandError, call_command

from shop.accounts.models import Role, User
from shop.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_password(monkeypatch: pytest.MonkeyPatch) -> str:
    password = "a-long-password"
    monkeypatch.setenv("ADMIN_PASSWORD", password)
    return password


def test_create_admin_should_make_an_admin_who_may_use_the_admin_site(admin_password: str):
    call_command("create_admin", "Boss@Example.com")

    admin = User.objects.get(email="boss@example.com")
    assert (admin.role, admin.is_staff, admin.is_superuser) == (Role.ADMIN, True, True)
    assert admin.check_password(admin_password)


def test_create_admin_should_promote_an_existing_customer(admin_password: str):
    customer = UserFactory(email="ada@example.com")

    call_command("create_admin", "ada@example.com")

    customer.refresh_from_db()
    assert customer.role == Role.ADMIN
    assert customer.check_password(admin_password)
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    ("email", "password"), [("not-an-email", "long-enough"), ("a@b.co", "short")]
)
def test_create_admin_should_refuse_a_bad_email_or_a_short_password(
    email: str, password: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("ADMIN_PASSWORD", password)

    with pytest.raises(CommandError):
        call_command("create_admin", email)

    assert not User.objects.exists()


def test_create_admin_should_ask_for_the_password_on_a_terminal(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    prompts: list[str] = []

    def type_unseen(prompt: str) -> str:
        prompts.append(prompt)
        return "typed-password"

    monkeypatch.setattr("getpass.getpass", type_unseen)

    call_command("create_admin", "boss@example.com")

    assert prompts == ["Password for the admin: "]
    assert User.objects.get(email="boss@example.com").check_password("typed-password")


def test_create_admin_without_a_terminal_or_admin_password_should_say_how(
    monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)

    with pytest.raises(CommandError, match="set ADMIN_PASSWORD"):
        call_command("create_admin", "boss@example.com")

    assert not User.objects.exists()


@pytest.mark.usefixtures("admin_password")
def test_create_admin_should_refuse_a_password_on_the_command_line():
    # It would stay in the shell's history and show in `ps`.
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("create_admin", "boss@example.com", "a-long-password")

    assert not User.objects.exists()
