"""Every error is JSON in the API's shape, with no stack trace and no internal detail."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_an_unknown_api_path_should_return_a_json_404(client: Client):
    response = client.get("/api/no/such/path")

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"errors": {"body": ["not found"]}}


@pytest.mark.urls("core.tests.crash_urls")
def test_a_crash_should_return_a_generic_500_without_details(client: Client, caplog):
    response = client.get("/api/crash")

    assert response.status_code == 500
    assert response.json() == {"errors": {"body": ["internal server error"]}}
    assert "secret" not in response.text
    assert "secret detail" in caplog.text  # the details go to the log only
