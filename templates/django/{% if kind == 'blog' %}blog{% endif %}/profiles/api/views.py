"""Read profiles, follow and unfollow."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from blog.profiles import selectors, services
from blog.profiles.api.serializers import ProfileResponseSerializer, profile_data
from blog.users.selectors import user_get_by_username


class ProfileView(APIView):
    permission_classes = (AllowAny,)

    @extend_schema(responses={200: ProfileResponseSerializer}, tags=["Profile"])
    def get(self, request: Request, username: str) -> Response:
        """A user's public profile; `following` says whether you follow them."""
        user = user_get_by_username(username=username)
        following = selectors.follow_exists(follower=request.user, followed=user)
        return Response({"profile": profile_data(user, following=following)})


class FollowView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(request=None, responses={200: ProfileResponseSerializer}, tags=["Profile"])
    def post(self, request: Request, username: str) -> Response:
        """Follow a user."""
        user = user_get_by_username(username=username)
        services.follow_create(follower=request.user, followed=user)
        return Response({"profile": profile_data(user, following=True)})

    @extend_schema(responses={200: ProfileResponseSerializer}, tags=["Profile"])
    def delete(self, request: Request, username: str) -> Response:
        """Stop following a user."""
        user = user_get_by_username(username=username)
        services.follow_delete(follower=request.user, followed=user)
        return Response({"profile": profile_data(user, following=False)})
