"""Register, sign in, read and change one's own account.

Views stay thin: validate the input with a serializer, call a service, serialize
the result. The rules live in blog/users/services.py.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from blog.users import services
from blog.users.api.serializers import (
    UserLoginRequestSerializer,
    UserOutputSerializer,
    UserRegistrationRequestSerializer,
    UserResponseSerializer,
    UserUpdateRequestSerializer,
)
from blog.users.models import User
from core.client_address import client_address
from core.schema import error_responses


def user_response(user: User, status_code: int = status.HTTP_200_OK) -> Response:
    return Response({"user": UserOutputSerializer(user).data}, status=status_code)


class UserRegistrationView(APIView):
    permission_classes = (AllowAny,)
    # A stale or broken token must not stop anyone from registering or signing in.
    authentication_classes = ()

    @extend_schema(
        request=UserRegistrationRequestSerializer,
        responses={201: UserResponseSerializer},
        tags=["User and Authentication"],
    )
    def post(self, request: Request) -> Response:
        """Register a new user and sign them in."""
        serializer = UserRegistrationRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data["user"])
        return user_response(user, status.HTTP_201_CREATED)


class UserLoginView(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    @extend_schema(
        request=UserLoginRequestSerializer,
        responses={200: UserResponseSerializer, **error_responses(401, 429)},
        tags=["User and Authentication"],
    )
    def post(self, request: Request) -> Response:
        """Sign in with e-mail and password."""
        serializer = UserLoginRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        credentials = serializer.validated_data["user"]
        client = client_address(request)
        user = services.user_authenticate(
            email=credentials["email"], password=credentials["password"], client=client
        )
        return user_response(user)


class CurrentUserView(APIView):
    @extend_schema(responses={200: UserResponseSerializer}, tags=["User and Authentication"])
    def get(self, request: Request) -> Response:
        """The signed-in user's account, with a fresh token."""
        return user_response(request.user)

    @extend_schema(
        request=UserUpdateRequestSerializer,
        responses={200: UserResponseSerializer},
        tags=["User and Authentication"],
    )
    def put(self, request: Request) -> Response:
        """Change the signed-in user's details; only the fields sent are changed."""
        serializer = UserUpdateRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_update(user=request.user, changes=serializer.validated_data["user"])
        return user_response(user)
