"""Follow, unfollow, and the followers and following lists."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from social.follows import selectors, services
from social.pagination import PageQuerySerializer, page_params, page_response
from social.users.api.serializers import ProfileOutputSerializer, ProfilePageOutputSerializer
from social.users.api.views import profile_response
from social.users.selectors import user_get_by_username


class FollowView(APIView):
    @extend_schema(request=None, responses={200: ProfileOutputSerializer}, tags=["Follows"])
    def post(self, request: Request, username: str) -> Response:
        """Follow a user (following twice changes nothing)."""
        user = user_get_by_username(username=username)
        services.follow_create(follower=request.user, followed=user)
        return profile_response(username, viewer=request.user)

    @extend_schema(responses={200: ProfileOutputSerializer}, tags=["Follows"])
    def delete(self, request: Request, username: str) -> Response:
        """Stop following a user (not following: no change)."""
        user = user_get_by_username(username=username)
        services.follow_delete(follower=request.user, followed=user)
        return profile_response(username, viewer=request.user)


class FollowerListView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: ProfilePageOutputSerializer},
        tags=["Follows"],
    )
    def get(self, request: Request, username: str) -> Response:
        """Who follows this user, most recent first."""
        user = user_get_by_username(username=username)
        params = page_params(request.query_params)
        page = selectors.follower_list(user=user, viewer=request.user, params=params)
        return page_response(page, ProfileOutputSerializer)


class FollowingListView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(
        parameters=[PageQuerySerializer],
        responses={200: ProfilePageOutputSerializer},
        tags=["Follows"],
    )
    def get(self, request: Request, username: str) -> Response:
        """Whom this user follows, most recent first."""
        user = user_get_by_username(username=username)
        params = page_params(request.query_params)
        page = selectors.following_list(user=user, viewer=request.user, params=params)
        return page_response(page, ProfileOutputSerializer)
