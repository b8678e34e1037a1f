"""Access tokens: a valid signature is not enough, the token must also say when it expires."""

import pytest
from rest_framework.test import APIRequestFactory
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.tokens import AccessToken

pytestmark = pytest.mark.django_db

NO_SUCH_USER = 2_000_000


def signed_token(*, with_expiry: bool) -> str:
    """An access token signed with this project's key, as a forger holding it would make one."""
    token = AccessToken()
    token["user_id"] = NO_SUCH_USER
    if not with_expiry:
        del token["exp"]  # a token like this would never expire
    return str(token)


def authenticate(token: str) -> None:
    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
    JWTAuthentication().authenticate(request)


def test_a_signed_token_without_exp_should_be_refused():
    with pytest.raises(InvalidToken):
        authenticate(signed_token(with_expiry=False))


def test_the_same_token_with_exp_should_pass_the_token_check():
    # It gets as far as looking its user up (there is none): only the missing exp made the
    # first token invalid.
    with pytest.raises(AuthenticationFailed) as refused:
        authenticate(signed_token(with_expiry=True))

    assert not isinstance(refused.value, InvalidToken)
