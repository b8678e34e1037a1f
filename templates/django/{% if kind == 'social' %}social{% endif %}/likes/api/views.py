"""POST and DELETE /api/posts/<id>/like."""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from social.fields import checked_id
from social.likes import services
from social.posts.api.serializers import PostOutputSerializer
from social.posts.api.views import post_response
from social.posts.selectors import post_get_plain


class LikeView(APIView):
    @extend_schema(request=None, responses={200: PostOutputSerializer}, tags=["Likes"])
    def post(self, request: Request, post_id: int) -> Response:
        """Like a post (liking twice changes nothing)."""
        post = post_get_plain(post_id=checked_id(post_id))
        services.like_create(user=request.user, post=post)
        return post_response(post.pk, request.user)

    @extend_schema(responses={200: PostOutputSerializer}, tags=["Likes"])
    def delete(self, request: Request, post_id: int) -> Response:
        """Take back your like (no like, no change)."""
        post = post_get_plain(post_id=checked_id(post_id))
        services.like_delete(user=request.user, post=post)
        return post_response(post.pk, request.user)
