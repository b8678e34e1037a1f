"""Register, sign in and read one's own account.

Views stay thin: validate the input with a serializer, call a service, serialize
the result. The rules live in shop/accounts/services.py.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.client_address import client_address
from core.schema import error_responses
from shop.accounts import services
from shop.accounts.api.serializers import (
    AuthResponseSerializer,
    LoginInputSerializer,
    RegisterInputSerializer,
    UserOutputSerializer,
    UserResponseSerializer,
    auth_data,
)

# Anyone may register or sign in, but a request that sends a bad or expired token
# still gets 401 (the default authentication runs): silently treating the caller as
# anonymous would hide an expired session from the front end.


class RegisterView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        request=RegisterInputSerializer,
        responses={201: AuthResponseSerializer, **error_responses(409)},
        tags=["Accounts"],
    )
    def post(self, request: Request) -> Response:
        """Open a customer account and sign in."""
        serializer = RegisterInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(auth_data(user), status=status.HTTP_201_CREATED)


class LoginView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        request=LoginInputSerializer,
        responses={200: AuthResponseSerializer, **error_responses(401, 429)},
        tags=["Accounts"],
    )
    def post(self, request: Request) -> Response:
        """Sign in with e-mail and password (429 after repeated failures)."""
        serializer = LoginInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        client = client_address(request)
        user = services.user_authenticate(**serializer.validated_data, client=client)
        return Response(auth_data(user))


class MeView(APIView):
    @extend_schema(responses={200: UserResponseSerializer}, tags=["Accounts"])
    def get(self, request: Request) -> Response:
        """The signed-in user's account."""
        return Response({"user": UserOutputSerializer(request.user).data})
