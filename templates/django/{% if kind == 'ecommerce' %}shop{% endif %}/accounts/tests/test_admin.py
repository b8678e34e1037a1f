"""The admin site's account pages: an admin may add accounts there (hashed passwords)."""

import pytest
from django.test import Client
from django.urls import reverse

from shop.accounts.models import User

pytestmark = pytest.mark.django_db


def test_an_admin_should_add_an_account_from_the_admin_site(staff_client: Client):
    response = staff_client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "grace@example.com",
            "name": "Grace",
            "password1": "a-long-password",
            "password2": "a-long-password",
            "usable_password": "true",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(email="grace@example.com").check_password("a-long-password")
