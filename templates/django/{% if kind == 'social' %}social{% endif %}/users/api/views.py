"""Register, sign in, the current user; profiles, PATCH /users/me and the search.

Views stay thin: validate the input with a serializer, call a service or a selector,
serialize the result. The rules live in social/users/services.py and selectors.py.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import AccessToken

from core.client_address import client_address
from core.schema import error_responses
from social.pagination import PageQuerySerializer, page_params, page_response
from social.users import selectors, services
from social.users.api.serializers import (
    AuthOutputSerializer,
    LoginInputSerializer,
    ProfileOutputSerializer,
    ProfilePageOutputSerializer,
    ProfileUpdateInputSerializer,
    RegistrationInputSerializer,
    SearchQuerySerializer,
    UserEnvelopeOutputSerializer,
    UserOutputSerializer,
    auth_data,
)
from social.users.models import User

# Anyone may call the views that say AllowAny, but a request that sends a broken or
# expired token still gets 401 there: DRF authenticates every request first
# (REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"]), so a front end learns at once
# that its session has ended instead of silently seeing the anonymous view.


def token_for(user: User) -> str:
    return str(AccessToken.for_user(user))


def profile_response(username: str, viewer: User | None) -> Response:
    user = selectors.profile_get(username=username, viewer=viewer)
    return Response(ProfileOutputSerializer(user).data)


class RegisterView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        request=RegistrationInputSerializer,
        responses={201: AuthOutputSerializer, **error_responses(409)},
        tags=["Accounts"],
    )
    def post(self, request: Request) -> Response:
        """Open an account and sign in."""
        serializer = RegistrationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(auth_data(user, token_for(user)), status=status.HTTP_201_CREATED)


class LoginView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        request=LoginInputSerializer,
        responses={200: AuthOutputSerializer, **error_responses(401, 429)},
        tags=["Accounts"],
    )
    def post(self, request: Request) -> Response:
        """Sign in with e-mail and password (429 after repeated failures)."""
        serializer = LoginInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        client = client_address(request)
        user = services.user_authenticate(**serializer.validated_data, client=client)
        return Response(auth_data(user, token_for(user)))


class MeView(APIView):
    @extend_schema(responses={200: UserEnvelopeOutputSerializer}, tags=["Accounts"])
    def get(self, request: Request) -> Response:
        """The signed-in user's account."""
        return Response({"user": UserOutputSerializer(request.user).data})


class UserSearchView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        operation_id="users_search",
        parameters=[SearchQuerySerializer, PageQuerySerializer],
        responses={200: ProfilePageOutputSerializer},
        tags=["Profiles"],
    )
    def get(self, request: Request) -> Response:
        """Profiles whose username starts with ?search= (taken literally), alphabetically."""
        query = SearchQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        # Usernames are lowercase, so "Ada" finds "ada".
        page = selectors.profile_search(
            term=query.validated_data["search"].lower(),
            viewer=request.user,
            params=page_params(request.query_params),
        )
        return page_response(page, ProfileOutputSerializer)


class MyProfileView(APIView):
    @extend_schema(
        request=ProfileUpdateInputSerializer,
        responses={200: ProfileOutputSerializer},
        tags=["Profiles"],
    )
    def patch(self, request: Request) -> Response:
        """Change your bio or avatar; only the fields sent change, "" clears one."""
        serializer = ProfileUpdateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.profile_update(user=request.user, changes=dict(serializer.validated_data))
        return profile_response(user.username, viewer=request.user)


class ProfileView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        parameters=[OpenApiParameter("username", str, OpenApiParameter.PATH)],
        responses={200: ProfileOutputSerializer},
        tags=["Profiles"],
    )
    def get(self, request: Request, username: str) -> Response:
        """A user's profile; `following` says whether you follow them."""
        return profile_response(username, viewer=request.user)
